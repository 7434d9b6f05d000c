namespace BrandAutomator.Domain.Common;

/// <summary>
/// A business rule refused an operation. <paramref name="field"/> names the input at fault, when there is one,
/// so that the edge can report it on that field.
/// </summary>
public class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
