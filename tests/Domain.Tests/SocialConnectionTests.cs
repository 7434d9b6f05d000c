using BrandAutomator.Domain.Social;

namespace BrandAutomator.Domain.Tests;

public sealed class SocialConnectionTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SocialConnection Connection(DateTimeOffset? expiresAt, string? refresh = null) =>
        SocialConnection.Connect(null, SocialPlatform.LinkedIn, "urn:li:person:1", "Ada", "enc-access", refresh, expiresAt, Guid.NewGuid(), Now);

    [Fact]
    public void Granted_scopes_are_kept_as_the_network_sent_them_comma_or_space_separated_and_checked_whole()
    {
        var connection = Connection(null);
        Assert.False(connection.HasGrantedScope("r_member_postAnalytics"));

        connection.RecordGrantedScopes("r_member_postAnalytics,w_member_social, openid");
        Assert.Equal("r_member_postAnalytics w_member_social openid", connection.GrantedScopes);
        Assert.True(connection.HasGrantedScope("r_member_postAnalytics"));
        Assert.False(connection.HasGrantedScope("r_member"));

        connection.RecordGrantedScopes(new string('s', SocialConnection.MaxScopesLength + 5) + " openid");
        Assert.Null(connection.GrantedScopes);
        connection.RecordGrantedScopes("  ");
        Assert.Null(connection.GrantedScopes);
    }

    [Fact]
    public void A_token_that_runs_out_within_7_days_without_a_refresh_token_is_expiring()
    {
        Assert.Equal(ConnectionHealth.Expiring, Connection(Now.AddDays(7)).HealthAt(Now));
        Assert.Equal(ConnectionHealth.Ok, Connection(Now.AddDays(7).AddMinutes(1)).HealthAt(Now));
        Assert.Equal(ConnectionHealth.Ok, Connection(null).HealthAt(Now));
    }

    [Fact]
    public void A_token_the_refresh_job_renews_is_not_a_warning_until_it_has_run_out()
    {
        var renewable = Connection(Now.AddHours(1), refresh: "enc-refresh");
        Assert.Equal(ConnectionHealth.Ok, renewable.HealthAt(Now));
        Assert.Equal(ConnectionHealth.Expired, renewable.HealthAt(Now.AddHours(1)));
    }

    [Fact]
    public void A_withdrawn_grant_is_revoked_and_a_refused_token_is_invalid_until_reauthorized()
    {
        var connection = Connection(Now.AddDays(30), refresh: "enc-refresh");
        connection.Revoke("invalid_grant", Now);
        Assert.Equal(ConnectionHealth.Revoked, connection.HealthAt(Now));
        Assert.False(connection.CanRefresh);

        connection.Reauthorize(null, "Ada Lovelace", "enc-access-2", null, Now.AddDays(60), Now);
        Assert.Equal(ConnectionHealth.Ok, connection.HealthAt(Now));
        Assert.Equal("Ada Lovelace", connection.DisplayName);
        Assert.True(connection.CanRefresh);

        connection.RequireReconnect("401", Now);
        Assert.Equal(ConnectionHealth.Invalid, connection.HealthAt(Now));
    }

    [Fact]
    public void A_profile_is_verified_by_its_connection_and_unverified_when_it_goes()
    {
        var connection = Connection(null);
        var profile = SocialProfile.FromConnection(connection, "javascript:alert(1)", Now);
        Assert.True(profile.Verified);
        Assert.Null(profile.ProfileUrl);
        profile.Verify(connection, "https://www.linkedin.com/in/ada", Now);
        Assert.Equal("https://www.linkedin.com/in/ada", profile.ProfileUrl);
        profile.Unlink(Now);
        Assert.False(profile.Verified);
        Assert.Null(profile.ConnectionId);
    }

    [Fact]
    public void A_post_goes_out_through_its_company_connection_before_a_shared_one()
    {
        var company = Guid.NewGuid();
        var shared = SocialConnection.Connect(null, SocialPlatform.X, "shared", "Shared", "enc", null, null, Guid.NewGuid(), Now.AddDays(1));
        var own = SocialConnection.Connect(company, SocialPlatform.X, "own", "Own", "enc", null, null, Guid.NewGuid(), Now);
        var other = SocialConnection.Connect(Guid.NewGuid(), SocialPlatform.X, "other", "Other", "enc", null, null, Guid.NewGuid(), Now.AddDays(2));
        var linkedIn = SocialConnection.Connect(company, SocialPlatform.LinkedIn, "li", "LinkedIn", "enc", null, null, Guid.NewGuid(), Now);

        Assert.Same(own, SocialConnection.ChooseForPost([shared, other, linkedIn, own], SocialPlatform.X, company));
        Assert.Same(shared, SocialConnection.ChooseForPost([shared, other, linkedIn], SocialPlatform.X, company));
        Assert.Null(SocialConnection.ChooseForPost([linkedIn], SocialPlatform.X, company));
    }

    [Fact]
    public void Posts_may_be_scheduled_through_a_working_or_renewable_connection_only()
    {
        Assert.True(Connection(null).CanCarryPostsAt(Now));
        Assert.True(Connection(Now.AddDays(2)).CanCarryPostsAt(Now), "an expiring token still carries posts");
        Assert.False(Connection(Now.AddMinutes(-1)).CanCarryPostsAt(Now), "run out, and nothing can renew it");
        Assert.True(Connection(Now.AddMinutes(-1), "enc-refresh").CanCarryPostsAt(Now), "the refresh job renews it");

        var refused = Connection(null, "enc-refresh");
        refused.RequireReconnect("401 after a refresh", Now);
        Assert.False(refused.CanCarryPostsAt(Now));
        var withdrawn = Connection(null, "enc-refresh");
        withdrawn.Revoke("invalid_grant", Now);
        Assert.False(withdrawn.CanCarryPostsAt(Now));
    }
}
