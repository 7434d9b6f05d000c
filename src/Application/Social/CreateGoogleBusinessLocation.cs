using System.Text.Json;
using System.Text.RegularExpressions;
using BrandAutomator.Application.Automation;
using BrandAutomator.Application.Common.Behaviors;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Common;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Social;

public sealed record LocationAddressInput(string? RegionCode, string? PostalCode, string? AdministrativeArea, string? Locality, IReadOnlyList<string>? AddressLines);

public sealed record LocationPlaceInput(string? PlaceName, string? PlaceId);

/// <summary>
/// Creates the company's Google Business Profile location through <c>accounts.locations.create</c>: first with
/// <c>validateOnly=true</c>, then for real with a <c>requestId</c> stored before the call. Sending the same request
/// again after a lost answer re-uses that requestId, so Google returns the location it made instead of a second one.
/// The location is described from the company profile (name, website, description) and the request (address or
/// service area, category, phone).
/// </summary>
public sealed record CreateGoogleBusinessLocation(
    Guid CompanyId, Guid ConnectionId, string? Account, LocationAddressInput? Address, IReadOnlyList<LocationPlaceInput>? ServiceArea,
    string? PrimaryCategory, IReadOnlyList<string>? AdditionalCategories, string? Phone, string? LanguageCode, string? StoreCode, string? Description,
    string? RegionCode = null)
    : ICommand<GoogleBusinessLocationDto>, IRequireRole, IRequireEntitlement
{
    public static TenantRole RequiredRole => TenantRole.Editor;

    public static PlanFeature Feature => PlanFeature.Automation;
}

/// <summary>The ids the command names; checked in the pipeline.</summary>
public sealed class CreateGoogleBusinessLocationValidator : AbstractValidator<CreateGoogleBusinessLocation>
{
    public CreateGoogleBusinessLocationValidator()
    {
        RuleFor(x => x.CompanyId).NotEmpty();
        RuleFor(x => x.ConnectionId).NotEmpty();
    }
}

/// <summary>What the location is made of, as the request gives it.</summary>
public sealed record GoogleLocationDetails(
    string? Account, LocationAddressInput? Address, IReadOnlyList<LocationPlaceInput>? ServiceArea, string? RegionCode, string? PrimaryCategory,
    IReadOnlyList<string>? AdditionalCategories, string? Phone, string? LanguageCode, string? StoreCode, string? Description)
{
    public static GoogleLocationDetails Of(CreateGoogleBusinessLocation c) =>
        new(c.Account, c.Address, c.ServiceArea, c.RegionCode, c.PrimaryCategory, c.AdditionalCategories, c.Phone, c.LanguageCode, c.StoreCode, c.Description);
}

/// <summary>
/// The location's details, checked by the handler once the company and connection are found: another tenant's ids
/// must give 404 whatever the rest of the body says, never a 400 that would tell it the ids are well-formed for us.
/// </summary>
public sealed partial class GoogleLocationDetailsValidator : AbstractValidator<GoogleLocationDetails>
{
    public GoogleLocationDetailsValidator()
    {
        RuleFor(x => x.Account).Must(a => a is null || GoogleBusinessLocation.IsAccountName(a)).WithMessage("Write the account as accounts/{id}.");
        RuleFor(x => x.PrimaryCategory).NotEmpty().Matches(Category()).WithMessage("A category is written categories/gcid:{id}, e.g. categories/gcid:coffee_shop.");
        RuleForEach(x => x.AdditionalCategories).Matches(Category()).WithMessage("A category is written categories/gcid:{id}.");
        RuleFor(x => x.AdditionalCategories).Must(c => c is null || c.Count <= 9).WithMessage("At most 9 additional categories.");
        RuleFor(x => x).Must(x => x.Address is not null || x.ServiceArea is { Count: > 0 })
            .WithName("address").OverridePropertyName("address").WithMessage("Give the storefront address, or the service area of a business without one.");
        RuleFor(x => x.Address!.RegionCode).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("A CLDR region code such as US or GB.")
            .OverridePropertyName("address.regionCode").When(x => x.Address is not null);
        RuleFor(x => x.Address!.AddressLines).NotEmpty().Must(l => l is null || (l.Count <= 5 && l.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 200)))
            .OverridePropertyName("address.addressLines").WithMessage("One to five address lines of at most 200 characters.").When(x => x.Address is not null);
        RuleForEach(x => x.ServiceArea).Must(p => !string.IsNullOrWhiteSpace(p.PlaceName) && p.PlaceName.Length <= 200)
            .WithMessage("Each place of the service area has a name of at most 200 characters.");
        RuleFor(x => x.ServiceArea).Must(p => p is null || p.Count <= 20).WithMessage("At most 20 places.");
        RuleFor(x => x.RegionCode).NotEmpty().Matches("^[A-Z]{2}$").When(x => x.Address is null && x.ServiceArea is { Count: > 0 })
            .WithMessage("The region of the service area, a CLDR region code such as US or GB.");
        RuleFor(x => x.Phone).Matches(Phone()).When(x => !string.IsNullOrEmpty(x.Phone)).WithMessage("A phone number such as +1 555 0100.");
        RuleFor(x => x.LanguageCode).Matches("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$").When(x => x.LanguageCode is not null).WithMessage("A language code such as en or en-GB.");
        RuleFor(x => x.StoreCode).MaximumLength(64);
        RuleFor(x => x.Description).MaximumLength(GoogleBusinessLocationWork.MaxDescription);
    }

    [GeneratedRegex("^categories/gcid:[a-z0-9_]{1,100}$")]
    private static partial Regex Category();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-.]{4,29}$")]
    private static partial Regex Phone();
}

public sealed class CreateGoogleBusinessLocationHandler(
    ITenantDb db, IGoogleBusinessLocations google, ISocialTokenProtector protector, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateGoogleBusinessLocation, GoogleBusinessLocationDto>
{
    public async ValueTask<GoogleBusinessLocationDto> Handle(CreateGoogleBusinessLocation command, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", command.CompanyId);
        var connection = await db.SocialConnections.SingleOrDefaultAsync(
                c => c.Id == command.ConnectionId && c.Platform == SocialPlatform.GoogleBusiness, cancellationToken)
            ?? throw new NotFoundException("Google Business Profile connection", command.ConnectionId);
        var check = await new GoogleLocationDetailsValidator().ValidateAsync(GoogleLocationDetails.Of(command), cancellationToken);
        if (!check.IsValid)
        {
            throw new InputValidationException(check.Errors.GroupBy(f => FieldPath.ToCamelCase(f.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
        }

        var account = command.Account ?? GoogleBusinessLocationWork.AccountOf(connection.ExternalAccountId)
            ?? throw new DomainRuleException("The connection names no account (accounts/{id}); give it as account.", "account");

        var kitDescription = await db.SocialProfileKits.AsNoTracking()
            .Where(k => k.CompanyId == company.Id && k.Platform == SocialPlatform.GoogleBusiness).Select(k => k.Texts).FirstOrDefaultAsync(cancellationToken);
        var description = ProfileText.Fit(SocialPlatform.GoogleBusiness,
            command.Description ?? kitDescription?.FirstOrDefault(t => t.Key == "description")?.Text ?? company.Description,
            GoogleBusinessLocationWork.MaxDescription).Text;
        var draft = new LocationDraft(
            command.LanguageCode ?? "en", company.Name, Clean(command.StoreCode),
            command.Address is { } a
                ? new LocationAddress(a.RegionCode!, Clean(a.PostalCode), Clean(a.AdministrativeArea), Clean(a.Locality), a.AddressLines!.Select(l => l.Trim()).ToList())
                : null,
            command.ServiceArea is { Count: > 0 } places ? places.Select(p => new LocationPlace(p.PlaceName!.Trim(), Clean(p.PlaceId))).ToList() : null,
            command.ServiceArea is { Count: > 0 } ? command.Address?.RegionCode ?? command.RegionCode : null,
            command.PrimaryCategory!, command.AdditionalCategories ?? [], Clean(command.Phone), company.Website, description.Length > 0 ? description : null);
        var json = JsonSerializer.Serialize(draft, JsonSerializerOptions.Web);
        var now = clock.GetUtcNow();

        var previous = await db.GoogleBusinessLocations.Where(l => l.CompanyId == company.Id && l.Account == account)
            .OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
        if (previous.FirstOrDefault(l => l.State == LocationCreationState.Created) is { } created)
        {
            throw new ConflictException($"{company.Name} already has a location in {account}: {created.LocationName}.");
        }

        // An attempt still open (its answer lost, or stopped before the create) is continued with its requestId.
        var location = previous.FirstOrDefault(l => l.IsOpen);
        if (location is null)
        {
            location = GoogleBusinessLocation.Plan(company.Id, connection.Id, account, company.Name, json, user.UserId, now);
            db.GoogleBusinessLocations.Add(location);
        }
        else
        {
            location.Revise(company.Name, json, now);
        }

        // The requestId is stored before anything is sent.
        await db.SaveChangesAsync(cancellationToken);
        var token = protector.Unprotect(connection.Platform, connection.EncryptedAccessToken);
        var sent = GoogleBusinessLocationWork.Draft(location);

        var validation = await google.ValidateAsync(account, sent, token, cancellationToken);
        await FailUnlessSucceededAsync(validation, location, connection, "validate", cancellationToken);
        location.MarkValidated(clock.GetUtcNow());
        location.StartCreate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        var creation = await google.CreateAsync(account, sent, location.RequestId, token, cancellationToken);
        await FailUnlessSucceededAsync(creation, location, connection, "create", cancellationToken);
        location.MarkCreated(creation.LocationName!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        if (await google.GetVerificationAsync(location.LocationName!, token, cancellationToken) is { } verification)
        {
            location.RecordVerification(verification, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return GoogleBusinessLocationDto.From(location);
    }

    private async Task FailUnlessSucceededAsync(
        GoogleCallResult result, GoogleBusinessLocation location, Domain.Social.SocialConnection connection, string step, CancellationToken cancellationToken)
    {
        if (result.Outcome == GoogleCallOutcome.Succeeded && (step == "validate" || !string.IsNullOrEmpty(result.LocationName)))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var message = result.Message ?? "Google Business Profile gave no reason.";
        switch (result.Outcome)
        {
            case GoogleCallOutcome.Rejected:
                location.MarkRejected(message, now);
                await db.SaveChangesAsync(cancellationToken);
                if (result.FieldErrors is { Count: > 0 } fields)
                {
                    throw new InputValidationException(fields);
                }

                throw new DomainRuleException($"Google refused the location: {message}", "location");
            case GoogleCallOutcome.Unauthorized:
                location.MarkUnanswered(message, now);
                connection.RequireReconnect(message, now);
                await db.SaveChangesAsync(cancellationToken);
                throw new ExternalServiceException("Google Business Profile", $"Google refused the connection's token; reconnect it. ({message})");
            default:
                location.MarkUnanswered(message, now);
                await db.SaveChangesAsync(cancellationToken);
                throw new ExternalServiceException("Google Business Profile", step == "create"
                    ? $"{message} Send the same request again: it re-uses request id {location.RequestId}, so Google cannot create a second location."
                    : message);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
