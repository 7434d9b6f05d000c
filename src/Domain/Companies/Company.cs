using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Companies;

/// <summary>One of a brand's values: a short name and what it means in practice.</summary>
public sealed record BrandValue(string Name, string Description);

/// <summary>
/// A brand the tenant works on: who it is, whom it serves, how it speaks and what it stands for. Lives in the tenant's
/// schema; a tenant may own several, up to its plan's limit. Filled in by the onboarding wizard, one step at a time.
/// </summary>
public sealed class Company : Entity<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxIndustryLength = 120;
    public const int MaxTextLength = 2000;
    public const int MaxValues = 10;
    public const int MaxColours = 8;

    private List<BrandValue> _values = [];
    private List<string> _brandColours = [];

    private Company()
    {
    }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Industry { get; private set; }

    public string? Website { get; private set; }

    public string? TargetAudience { get; private set; }

    public string? CoreProblem { get; private set; }

    public string? BrandVoice { get; private set; }

    public string? Vision { get; private set; }

    public string? Mission { get; private set; }

    public IReadOnlyList<BrandValue> Values => _values;

    public string? PositioningStatement { get; private set; }

    public Guid? LogoAssetId { get; private set; }

    /// <summary>Hex colours, "#RRGGBB", primary first.</summary>
    public IReadOnlyList<string> BrandColours => _brandColours;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Company Create(string name, string? description, string? industry, string? website, DateTimeOffset now)
    {
        var company = new Company { Id = Guid.CreateVersion7(now), CreatedAt = now };
        company.Update(name, description, industry, website, now);
        return company;
    }

    /// <summary>Step 1: the basics.</summary>
    public void Update(string name, string? description, string? industry, string? website, DateTimeOffset now)
    {
        Name = Required(name, MaxNameLength, "name");
        Description = Optional(description, MaxDescriptionLength, "description");
        Industry = Optional(industry, MaxIndustryLength, "industry");
        Website = Optional(website, 2048, "website");
        UpdatedAt = now;
    }

    /// <summary>Step 2: whom the brand serves and what problem it solves for them.</summary>
    public void DescribeAudience(string targetAudience, string coreProblem, DateTimeOffset now)
    {
        TargetAudience = Required(targetAudience, MaxTextLength, "targetAudience");
        CoreProblem = Required(coreProblem, MaxTextLength, "coreProblem");
        UpdatedAt = now;
    }

    /// <summary>Step 3: how the brand speaks.</summary>
    public void DefineVoice(string brandVoice, DateTimeOffset now)
    {
        BrandVoice = Required(brandVoice, MaxTextLength, "brandVoice");
        UpdatedAt = now;
    }

    /// <summary>Step 4: vision, mission, values and positioning.</summary>
    public void DefineStrategy(string vision, string mission, IReadOnlyList<BrandValue> values, string positioningStatement, DateTimeOffset now)
    {
        if (values.Count is 0 or > MaxValues)
        {
            throw new DomainRuleException($"Give 1 to {MaxValues} values.", "values");
        }

        var cleaned = values.Select((v, i) => new BrandValue(
            Required(v.Name, 60, $"values[{i}].name"),
            Required(v.Description, 500, $"values[{i}].description"))).ToList();
        if (cleaned.Select(v => v.Name.ToUpperInvariant()).Distinct().Count() != cleaned.Count)
        {
            throw new DomainRuleException("Each value has its own name.", "values");
        }

        Vision = Required(vision, MaxTextLength, "vision");
        Mission = Required(mission, MaxTextLength, "mission");
        PositioningStatement = Required(positioningStatement, MaxTextLength, "positioningStatement");
        _values = cleaned;
        UpdatedAt = now;
    }

    /// <summary>Step 5 (with the uploads): the logo and the colours.</summary>
    public void SetIdentity(Guid? logoAssetId, IReadOnlyList<string> brandColours, DateTimeOffset now)
    {
        if (brandColours.Count > MaxColours)
        {
            throw new DomainRuleException($"Give at most {MaxColours} colours.", "brandColours");
        }

        var colours = new List<string>();
        for (var i = 0; i < brandColours.Count; i++)
        {
            var colour = brandColours[i].Trim();
            if (!IsHexColour(colour))
            {
                throw new DomainRuleException("Colours are written #RRGGBB.", $"brandColours[{i}]");
            }

            colours.Add(colour.ToUpperInvariant());
        }

        LogoAssetId = logoAssetId;
        _brandColours = colours;
        UpdatedAt = now;
    }

    /// <summary>Forgets the logo when its asset is deleted.</summary>
    public void ForgetLogo(Guid assetId)
    {
        if (LogoAssetId == assetId)
        {
            LogoAssetId = null;
        }
    }

    /// <summary>Whether the text is a colour written #RRGGBB.</summary>
    public static bool IsHexColour(string value) =>
        value.Length == 7 && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    private static string Required(string? value, int max, string field)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and var length && length <= max
            ? trimmed
            : throw new DomainRuleException($"{field} must have 1 to {max} characters.", field);
    }

    private static string? Optional(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= max ? trimmed : throw new DomainRuleException($"{field} must have at most {max} characters.", field);
    }
}
