using BrandAutomator.Application.Auth;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Tenants;
using BrandAutomator.Domain.Tenants;

namespace BrandAutomator.Application.Tests;

public sealed class FieldPathTests
{
    [Theory]
    [InlineData("Email", "email")]
    [InlineData("FullName", "fullName")]
    [InlineData("Values[0].Name", "values[0].name")]
    [InlineData("email", "email")]
    public void Paths_become_the_json_names_clients_send(string property, string expected) =>
        Assert.Equal(expected, FieldPath.ToCamelCase(property));
}

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("iloveyou2024")]
    public void Common_passwords_are_recognised_whatever_their_case(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Fact]
    public void A_long_passphrase_is_not_common() =>
        Assert.False(PasswordPolicy.IsCommon("correct horse battery staple 42"));

    [Fact]
    public async Task Sign_up_validation_names_each_failing_field_in_camel_case()
    {
        var behavior = new ValidationBehavior<RegisterAccount, AuthResponse>([new RegisterAccountValidator()]);

        var error = await Assert.ThrowsAsync<InputValidationException>(async () =>
            await behavior.Handle(new RegisterAccount("nope", "short", "", "Acme"), (_, _) => throw new InvalidOperationException("not reached"), default));

        Assert.Equal(["email", "fullName", "password"], error.Errors.Keys.Order());
    }
}

public sealed class AuthorizationBehaviorTests
{
    [Theory]
    [InlineData(TenantRole.Viewer, false)]
    [InlineData(TenantRole.Editor, false)]
    [InlineData(TenantRole.Admin, true)]
    public async Task Admin_messages_are_refused_below_admin(TenantRole role, bool allowed)
    {
        var behavior = new AuthorizationBehavior<ListInvitations, IReadOnlyList<InvitationDto>>(new Caller(role));
        var reached = false;

        var act = async () => await behavior.Handle(new ListInvitations(Guid.NewGuid()), (_, _) =>
        {
            reached = true;
            return ValueTask.FromResult<IReadOnlyList<InvitationDto>>([]);
        }, default);

        if (allowed)
        {
            await act();
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(act);
        }

        Assert.Equal(allowed, reached);
    }

    private sealed class Caller(TenantRole role) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid UserId { get; } = Guid.NewGuid();

        public Guid TenantId { get; } = Guid.NewGuid();

        public TenantRole Role => role;

        public string Email => "caller@example.com";

        public Guid SessionId { get; } = Guid.NewGuid();
    }
}
