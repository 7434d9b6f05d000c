using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Social;
using static BrandAutomator.Infrastructure.Ai.Offline.OfflineText;

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
        var name = Clip(p.Name, 100);
        var what = p.Industry is { Length: > 0 } industry ? $"{name} · {Clip(industry, 60)}" : name;
        var promise = Clean(p.PositioningStatement) ?? Clean(p.Description) ?? Clean(p.Mission);
        var help = p.TargetAudience is { Length: > 0 } audience
            ? p.CoreProblem is { Length: > 0 } problem
                ? $"We help {Inline(Clip(audience, 120))} with {Inline(Clip(problem, 160))}."
                : $"Made for {Inline(Clip(audience, 160))}."
            : null;
        var values = p.Values.Count > 0 ? $"What we stand for: {string.Join(", ", p.Values.Take(4).Select(v => Inline(Clip(v.Name, 40))))}." : null;
        var closing = Closings[brief.Variant % Closings.Length];

        var drafts = new List<ProfileBioDraft>();
        foreach (var request in brief.Platforms)
        {
            foreach (var field in request.Fields)
            {
                var sentences = field.Key switch
                {
                    "tagline" => new[] { brief.Variant % 2 == 0 ? help ?? promise ?? what : promise ?? help ?? what },
                    // Short bios lead with one idea and close with a call to action.
                    "bio" => brief.Variant % 2 == 0 ? new[] { promise ?? help ?? what, closing } : [help ?? promise ?? what, closing],
                    _ => new[] { promise is null ? what + "." : Sentence(promise), help, Clean(p.Mission) is { } mission && mission != promise ? Sentence(mission) : null, values, closing },
                };
                var text = string.Join(' ', sentences.OfType<string>().Select(s => Sentence(s.Trim())).Where(s => s.Length > 0).Distinct());
                drafts.Add(new ProfileBioDraft(request.Platform, field.Key, Clip(text, field.MaxLength)));
            }
        }

        return drafts;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : Clip(text, 700);
}
