namespace BrandAutomator.Application.Common.Ports;

/// <summary>The brand limit of the tenant's plan; refuses with a plan-limit error (402) when it is reached.</summary>
public interface IBrandLimits
{
    Task EnsureCanAddBrandAsync(CancellationToken cancellationToken);
}
