using BrandAutomator.Domain.Social;
using Microsoft.Extensions.Options;

namespace BrandAutomator.Application.Automation;

/// <summary>
/// How many publishing exchanges this node has open at once with each network, and with each connected account. At a
/// peak (every tenant's posts due at 9:00) the node runs many publishing runs at once, each waiting on a network without
/// holding a thread; these limits keep one network, and above all one account, from getting them all at once, as the
/// networks' own limits per app and per account expect. A run waits for its turn before its attempt row is written, so
/// a wait is never mistaken for a lost answer. The limits are the node's: several nodes together go up to their sum.
/// </summary>
public sealed class PublishingThrottle(IOptions<PublishingOptions> options)
{
    private readonly Dictionary<SocialPlatform, SemaphoreSlim> _networks = Enum.GetValues<SocialPlatform>()
        .ToDictionary(p => p, _ => new SemaphoreSlim(options.Value.MaxExchangesPerNetwork));
    private readonly Dictionary<Guid, (SemaphoreSlim Gate, int Users)> _accounts = [];
    private readonly Lock _accountsGate = new();

    /// <summary>Waits for a turn with the account, then with its network; disposing the lease gives both back.</summary>
    public async Task<IAsyncDisposable> EnterAsync(SocialPlatform platform, Guid? connectionId, CancellationToken cancellationToken)
    {
        var account = connectionId is { } id ? Join(id) : null;
        try
        {
            if (account is not null)
            {
                await account.WaitAsync(cancellationToken);
            }

            try
            {
                await _networks[platform].WaitAsync(cancellationToken);
            }
            catch
            {
                account?.Release();
                throw;
            }
        }
        catch
        {
            if (connectionId is { } left)
            {
                Leave(left);
            }

            throw;
        }

        return new Lease(this, platform, connectionId, account);
    }

    private SemaphoreSlim Join(Guid connectionId)
    {
        lock (_accountsGate)
        {
            var entry = _accounts.TryGetValue(connectionId, out var found)
                ? found
                : (new SemaphoreSlim(options.Value.MaxExchangesPerAccount), 0);
            _accounts[connectionId] = (entry.Item1, entry.Item2 + 1);
            return entry.Item1;
        }
    }

    // The last user of an account's gate removes it: the table holds only accounts with a run in flight.
    private void Leave(Guid connectionId)
    {
        lock (_accountsGate)
        {
            var (gate, users) = _accounts[connectionId];
            if (users == 1)
            {
                _accounts.Remove(connectionId);
                gate.Dispose();
            }
            else
            {
                _accounts[connectionId] = (gate, users - 1);
            }
        }
    }

    private sealed class Lease(PublishingThrottle throttle, SocialPlatform platform, Guid? connectionId, SemaphoreSlim? account) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                throttle._networks[platform].Release();
                account?.Release();
                if (connectionId is { } id)
                {
                    throttle.Leave(id);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
