using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Domain.Webhooks;
using FluentValidation;

namespace BrandAutomator.Application.Webhooks;

/// <summary>The checks an endpoint's address, description and events share when made and when changed.</summary>
internal static class WebhookEndpointRules
{
    public static void AddRules<T>(AbstractValidator<T> validator, Func<T, string> url, Func<T, string?> description, Func<T, IReadOnlyList<string>> events)
    {
        validator.RuleFor(x => url(x)).NotEmpty().OverridePropertyName("url").WithMessage("Give the address that receives the events.")
            .MaximumLength(WebhookEndpoint.MaxUrlLength).WithMessage($"An address has at most {WebhookEndpoint.MaxUrlLength} characters.")
            .Must(IsWebAddress).WithMessage("Give a full web address starting with https:// (or http://), e.g. https://example.com/hooks.");
        validator.RuleFor(x => description(x)).MaximumLength(WebhookEndpoint.MaxDescriptionLength).OverridePropertyName("description")
            .WithMessage($"A description has at most {WebhookEndpoint.MaxDescriptionLength} characters.");
        validator.RuleFor(x => events(x)).NotEmpty().OverridePropertyName("events").WithMessage("Choose at least one event to send.");
        validator.RuleForEach(x => events(x)).Must(WebhookEventTypes.IsKnown).OverridePropertyName("events")
            .WithMessage("'{PropertyValue}' is not an event this product sends.");
    }

    /// <summary>
    /// The same checks, made by a handler once it has found the endpoint: a request for another workspace's endpoint is a
    /// 404 whatever its body says, never a 400 that tells the id exists.
    /// </summary>
    public static void Ensure(string url, string? description, IReadOnlyList<string> events)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(url))
        {
            errors["url"] = ["Give the address that receives the events."];
        }
        else if (url.Length > WebhookEndpoint.MaxUrlLength)
        {
            errors["url"] = [$"An address has at most {WebhookEndpoint.MaxUrlLength} characters."];
        }
        else if (!IsWebAddress(url))
        {
            errors["url"] = ["Give a full web address starting with https:// (or http://), e.g. https://example.com/hooks."];
        }

        if (description is { Length: > WebhookEndpoint.MaxDescriptionLength })
        {
            errors["description"] = [$"A description has at most {WebhookEndpoint.MaxDescriptionLength} characters."];
        }

        if (events.Count == 0)
        {
            errors["events"] = ["Choose at least one event to send."];
        }
        else if (events.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
        {
            errors["events"] = [$"'{unknown}' is not an event this product sends."];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
    }

    /// <summary>Refuses, on the <c>url</c> field, an address the instance may not send to.</summary>
    public static async Task EnsureAllowedAsync(IWebhookTargetPolicy policy, string url, CancellationToken cancellationToken)
    {
        if (await policy.RefusalAsync(new Uri(url.Trim()), cancellationToken) is { } refusal)
        {
            throw InputValidationException.For("url", refusal);
        }
    }

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo);
}
