using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Domain.Tests;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rotate_retires_the_token_and_keeps_the_family()
    {
        var first = RefreshToken.StartSession(Guid.NewGuid(), Guid.NewGuid(), "hash-1", Now, TimeSpan.FromDays(30), "127.0.0.1", "test");

        var second = first.Rotate("hash-2", Now.AddMinutes(5), TimeSpan.FromDays(30), null, null);

        Assert.True(first.WasRotated);
        Assert.False(first.IsActive(Now.AddMinutes(5)));
        Assert.Equal(second.Id, first.ReplacedById);
        Assert.Equal(first.FamilyId, second.FamilyId);
        Assert.True(second.IsActive(Now.AddMinutes(5)));
    }

    [Fact]
    public void A_token_expires_at_the_end_of_its_lifetime()
    {
        var token = RefreshToken.StartSession(Guid.NewGuid(), Guid.NewGuid(), "hash", Now, TimeSpan.FromDays(30), null, null);

        Assert.True(token.IsActive(Now.AddDays(30).AddSeconds(-1)));
        Assert.False(token.IsActive(Now.AddDays(30)));
    }

    [Fact]
    public void Revoke_keeps_the_first_reason()
    {
        var token = RefreshToken.StartSession(Guid.NewGuid(), Guid.NewGuid(), "hash", Now, TimeSpan.FromDays(30), null, null);

        token.Revoke(Now, "signed out");
        token.Revoke(Now.AddMinutes(1), "reuse detected");

        Assert.Equal("signed out", token.RevokedReason);
        Assert.Equal(Now, token.RevokedAt);
    }

    [Fact]
    public void Long_user_agents_are_cut_to_fit()
    {
        var token = RefreshToken.StartSession(Guid.NewGuid(), Guid.NewGuid(), "hash", Now, TimeSpan.FromDays(1), null, new string('a', 1000));

        Assert.Equal(256, token.UserAgent!.Length);
    }
}

public sealed class TenantTests
{
    [Fact]
    public void The_schema_name_is_derived_from_the_id()
    {
        var tenant = Tenant.Create("  Acme & Sons  ", DateTimeOffset.UtcNow);

        Assert.Equal($"tenant_{tenant.Id:N}", tenant.SchemaName);
        Assert.Equal("Acme & Sons", tenant.Name);
        Assert.Equal("acme-sons", tenant.Slug);
        Assert.Equal(TenantState.Provisioning, tenant.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused_on_the_name_field(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => Tenant.Create(name, DateTimeOffset.UtcNow));

        Assert.Equal("name", error.Field);
    }
}

public sealed class TenantMembershipTests
{
    [Fact]
    public void The_last_admin_cannot_be_demoted()
    {
        var admin = TenantMembership.Create(Guid.NewGuid(), Guid.NewGuid(), TenantRole.Admin, DateTimeOffset.UtcNow);

        Assert.Throws<DomainRuleException>(() => admin.ChangeRole(TenantRole.Editor, adminCount: 1));
        Assert.Equal(TenantRole.Admin, admin.Role);
    }

    [Fact]
    public void An_admin_can_be_demoted_when_another_admin_remains()
    {
        var admin = TenantMembership.Create(Guid.NewGuid(), Guid.NewGuid(), TenantRole.Admin, DateTimeOffset.UtcNow);

        admin.ChangeRole(TenantRole.Viewer, adminCount: 2);

        Assert.Equal(TenantRole.Viewer, admin.Role);
    }

    [Fact]
    public void The_last_admin_cannot_be_removed_but_an_editor_can()
    {
        var admin = TenantMembership.Create(Guid.NewGuid(), Guid.NewGuid(), TenantRole.Admin, DateTimeOffset.UtcNow);
        var editor = TenantMembership.Create(Guid.NewGuid(), Guid.NewGuid(), TenantRole.Editor, DateTimeOffset.UtcNow);

        Assert.Throws<DomainRuleException>(() => admin.EnsureCanBeRemoved(adminCount: 1));
        editor.EnsureCanBeRemoved(adminCount: 1);
    }

    [Theory]
    [InlineData("admin", TenantRole.Admin)]
    [InlineData("Editor", TenantRole.Editor)]
    [InlineData(" viewer ", TenantRole.Viewer)]
    public void Roles_parse_from_their_claim_values(string value, TenantRole expected)
    {
        Assert.True(TenantRoles.TryParse(value, out var role));
        Assert.Equal(expected, role);
        Assert.Equal(expected.ToClaimValue(), value.Trim().ToLowerInvariant());
    }
}

public sealed class InvitationTests
{
    [Fact]
    public void An_invitation_is_accepted_once_and_expires_after_seven_days()
    {
        var now = DateTimeOffset.UtcNow;
        var used = Invitation.Create(Guid.NewGuid(), "Someone@Example.com", TenantRole.Editor, "hash", Guid.NewGuid(), now);
        var old = Invitation.Create(Guid.NewGuid(), "late@example.com", TenantRole.Editor, "hash2", Guid.NewGuid(), now);

        used.Accept(now.AddHours(1));

        Assert.Equal("someone@example.com", used.Email);
        Assert.Throws<DomainRuleException>(() => used.Accept(now.AddHours(2)));
        Assert.Throws<DomainRuleException>(() => old.Accept(now.AddDays(7)));
    }
}
