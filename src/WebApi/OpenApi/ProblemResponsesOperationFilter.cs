using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BrandAutomator.WebApi.OpenApi;

/// <summary>
/// Declares the problem details (RFC 9457, <c>application/problem+json</c>) an operation can answer with, from what every
/// endpoint of its kind can meet: 400 when it takes input, 401 and 403 when it requires authorisation, 404 when its path
/// names something, 415 when it binds a JSON body, 429 under the rate limiter. Statuses only some use cases return
/// (402, 409, 413, 422, 502...) are declared on their endpoint with <c>.ProducesProblem(...)</c>; this filter gives those
/// the same content and a description that says what the status means here.
/// </summary>
internal sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid; `errors`, when present, names each field at fault with its messages.",
        [StatusCodes.Status401Unauthorized] = "Not signed in, or the access token is invalid or expired.",
        [StatusCodes.Status402PaymentRequired] = "The tenant's plan does not include this, or its monthly quota is used (`limit` names which).",
        [StatusCodes.Status403Forbidden] = "Signed in, but the caller's role does not allow this.",
        [StatusCodes.Status404NotFound] = "Nothing with this id exists in the caller's tenant.",
        [StatusCodes.Status409Conflict] = "The request conflicts with the current state (or with a request at the same moment); reload and repeat.",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is larger than accepted.",
        [StatusCodes.Status415UnsupportedMediaType] = "The request body is not of a media type this operation accepts.",
        [StatusCodes.Status422UnprocessableEntity] = "The request is well formed, but a business rule refuses it in the current state.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests: wait the seconds the Retry-After header gives.",
        [StatusCodes.Status502BadGateway] = "An outside service (AI provider, Stripe, a social network) did not complete the request.",
    };

    // Without a sign-in, only something the request carries (such as a link's signature) can be refused.
    private const string AnonymousForbidden = "The request's own credentials (such as a signed link's signature) are expired or not valid.";

    private const string AnonymousNotFound = "Nothing exists for what the request names (a path, a token or a link's key).";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];

        // Input that binding (or the use case's validator) can refuse: a body, or a query or header value that is required
        // or not free text. Optional strings alone cannot fail to bind; a validator on those is declared on the endpoint.
        if (operation.RequestBody is not null || description.ParameterDescriptions.Any(p =>
                (p.Source == BindingSource.Query || p.Source == BindingSource.Header) && (p.IsRequired || p.Type != typeof(string))))
        {
            Declare(operation, StatusCodes.Status400BadRequest);
        }

        var authorised = SecurityRequirementOperationFilter.RequiresAuthorization(metadata);
        if (authorised)
        {
            Declare(operation, StatusCodes.Status401Unauthorized);
            Declare(operation, StatusCodes.Status403Forbidden);
        }

        // Ids name objects of the caller's tenant; another tenant's id, in the path, a required query id or the body, is a
        // 404 too. An optional query id is a filter (no match, no rows), unless the endpoint declares otherwise.
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path ||
                (p.Source == BindingSource.Query && p.IsRequired && IsId(p.Type)) ||
                (authorised && p.Source == BindingSource.Body && NamesObjects(p.Type, depth: 2))))
        {
            Declare(operation, StatusCodes.Status404NotFound);
        }

        // Minimal APIs refuse a body bound as JSON that is sent as anything else. Only a handler's own parameter is bound
        // so; a body merely described with .Accepts (read raw, like Stripe's webhook) is not checked.
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        if (description.ParameterDescriptions.Any(p =>
                p.Source == BindingSource.Body && handler?.GetParameters().Any(parameter => parameter.Name == p.Name) == true))
        {
            Declare(operation, StatusCodes.Status415UnsupportedMediaType);
        }

        // The global limiter (per user, or per IP without a token) covers every endpoint that does not opt out.
        if (!metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            Declare(operation, StatusCodes.Status429TooManyRequests);
        }

        var validation = context.SchemaGenerator.GenerateSchema(typeof(HttpValidationProblemDetails), context.SchemaRepository);
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete || !int.TryParse(status, CultureInfo.InvariantCulture, out var code) || code < 400)
            {
                continue;
            }

            // 400s carry per-field `errors`; the other statuses plain problem details (413 and 415 may name a field too).
            concrete.Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = code == StatusCodes.Status400BadRequest ? validation : problem },
            };
            var meaning = (code, authorised) switch
            {
                (StatusCodes.Status403Forbidden, false) => AnonymousForbidden,
                (StatusCodes.Status404NotFound, false) => AnonymousNotFound,
                _ => Meanings.GetValueOrDefault(code),
            };
            if (meaning is not null && (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrase(code)))
            {
                concrete.Description = meaning;
            }
        }

        // Statuses in ascending order, so the document reads the same whichever filter declared what.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses.Add(status, response);
        }
    }

    private static bool IsId(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid);

    /// <summary>Whether a body type carries ids: a Guid property, or a list of them, or of records that carry one.</summary>
    private static bool NamesObjects(Type type, int depth)
    {
        if (depth < 0 || type == typeof(string) || type.IsPrimitive || type.IsEnum)
        {
            return false;
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(property =>
        {
            var propertyType = property.PropertyType;
            var element = propertyType.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)
                ? propertyType.GetGenericArguments()[^1]
                : propertyType;
            return IsId(element) || (element.IsClass && element != typeof(string) && NamesObjects(element, depth - 1));
        });
    }

    private static void Declare(OpenApiOperation operation, int status) =>
        operation.Responses!.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse { Description = Meanings[status] });

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
