using BrandAutomator.Application.Automation;
using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Tests.Automation;

public sealed class PublishingThrottleTests
{
    private static PublishingThrottle Throttle(int perNetwork, int perAccount) =>
        new(Options.Create(new PublishingOptions { MaxExchangesPerNetwork = perNetwork, MaxExchangesPerAccount = perAccount }));

    [Fact]
    public async Task An_account_gets_its_limit_of_turns_and_the_next_waits_for_one_to_end()
    {
        var throttle = Throttle(perNetwork: 10, perAccount: 2);
        var account = Guid.NewGuid();
        var first = await throttle.EnterAsync(SocialPlatform.X, account, CancellationToken.None);
        var second = await throttle.EnterAsync(SocialPlatform.X, account, CancellationToken.None);

        var third = throttle.EnterAsync(SocialPlatform.X, account, CancellationToken.None);
        var other = await throttle.EnterAsync(SocialPlatform.X, Guid.NewGuid(), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        await first.DisposeAsync();
        await (await third.WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
        await second.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_network_is_shared_by_its_accounts_and_the_others_are_not_held_up()
    {
        var throttle = Throttle(perNetwork: 1, perAccount: 2);
        var linkedIn = await throttle.EnterAsync(SocialPlatform.LinkedIn, Guid.NewGuid(), CancellationToken.None);

        var waiting = throttle.EnterAsync(SocialPlatform.LinkedIn, Guid.NewGuid(), CancellationToken.None);
        var x = await throttle.EnterAsync(SocialPlatform.X, Guid.NewGuid(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        await linkedIn.DisposeAsync();
        // Disposing twice gives back one turn, not two.
        await linkedIn.DisposeAsync();
        var second = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        var third = throttle.EnterAsync(SocialPlatform.LinkedIn, null, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        await second.DisposeAsync();
        await (await third.WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
        await x.DisposeAsync();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_back_nothing_it_did_not_take()
    {
        var throttle = Throttle(perNetwork: 1, perAccount: 1);
        var account = Guid.NewGuid();
        var held = await throttle.EnterAsync(SocialPlatform.Facebook, account, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = throttle.EnterAsync(SocialPlatform.Facebook, account, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        await held.DisposeAsync();
        // Both the account's and the network's turns are free again.
        await (await throttle.EnterAsync(SocialPlatform.Facebook, account, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))).DisposeAsync();
    }
}
