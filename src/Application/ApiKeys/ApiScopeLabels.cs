using BrandAutomator.Domain.ApiKeys;

namespace BrandAutomator.Application.ApiKeys;

/// <summary>Scope names as people read them (audit log, problem details, the OpenAPI document), the same words as the SPA.</summary>
public static class ApiScopeLabels
{
    public static string Label(ApiScope scope) => scope switch
    {
        ApiScope.ContentRead => "Read content",
        ApiScope.ContentWrite => "Write content",
        ApiScope.Publish => "Publish",
        ApiScope.Assets => "Assets",
        ApiScope.Analytics => "Analytics",
        ApiScope.Ai => "AI",
        _ => "Other",
    };
}
