using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Social;

namespace BrandAutomator.Infrastructure.Ai.Offline;

/// <summary>
/// Profile texts without a model, from the company profile alone: what the company does and for whom, its promise, its
/// values, in sentences ordered to fit the field (a tagline is one line, an about text uses everything). Deterministic:
/// the same profile and variant give the same texts; a new variant changes the lead and the closing line. The kit labels
/// them as offline. Limits are applied by the caller, as for every provider.
/// </summary>
public sealed class OfflineProfileBioWriter : IProfileBioWriter
{
    private static readonly string[] Closings =
    [
        "Follow along for news and ideas.",
        "Say hello: we would love to hear from you.",
        "Get in touch to learn more.",
        "Join us.",
    ];

    public Task<AiResult<IReadOnlyList<ProfileBioDraft>>> WriteAsync(ProfileBioBrief brief, CancellationToken cancellationToken) =>
        Task.FromResult(new AiResult<IReadOnlyList<ProfileBioDraft>>(Write(brief), AiTokenUsage.None));

    public static IReadOnlyList<ProfileBioDraft> Write(ProfileBioBrief brief)
    {
        var p = brief.Profile;
        var name = string.Join(' ', p.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // Whole sentences only, each said once: the user's own words first (description, positioning, mission), then
        // sentences made from single fields, which are grammatical whatever the field holds.
        var identity = Prose.One(Prose.Identity(name, p.Industry, p.TargetAudience) ?? $"Welcome to {name}.");
        var described = Prose.Paragraph(p.Description);
        var positioning = Prose.Paragraph(p.PositioningStatement);
        var mission = Prose.Paragraph(p.Mission);
        var values = Prose.One(p.Values.Count > 0
            ? $"We stand for {Prose.List(p.Values.Take(4).Select(v => Prose.Phrase(v.Name)).Where(v => v.Length > 0).ToList())}."
            : null);
        var closing = Prose.One(Closings[brief.Variant % Closings.Length]);
        // A regeneration leads with another idea.
        IReadOnlyList<IReadOnlyList<string>?> lead = brief.Variant % 2 == 0
            ? [described, identity, positioning, mission]
            : [identity, positioning, described, mission];
        var fallback = p.Industry is { Length: > 0 } industry ? $"{name}: {Prose.Phrase(industry)}" : name;

        var drafts = new List<ProfileBioDraft>();
        foreach (var request in brief.Platforms)
        {
            foreach (var field in request.Fields)
            {
                var text = field.Key switch
                {
                    "tagline" => Prose.Fit(request.Platform, [identity, positioning, described], field.MaxLength, most: 1),
                    // Short bios: one to three ideas and, when there is room, a call to action.
                    "bio" => Prose.Fit(request.Platform, [.. lead, values, closing], field.MaxLength, most: 3),
                    _ => Prose.Fit(request.Platform, [.. lead, values, closing], field.MaxLength),
                };
                drafts.Add(new ProfileBioDraft(request.Platform, field.Key, text ?? fallback));
            }
        }

        return drafts;
    }
}
