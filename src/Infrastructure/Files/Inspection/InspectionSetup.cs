using BrandAutomator.Application.Common.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Files.Inspection;

public static class InspectionSetup
{
    /// <summary>Both services are stateless (SkiaSharp, PdfPig and the Open XML SDK are used per call), so one instance serves all.</summary>
    public static IServiceCollection AddContentInspection(this IServiceCollection services)
    {
        services.AddSingleton<IContentInspector, ContentInspector>();
        services.AddSingleton<IMediaAnalyzer, MediaAnalyzer>();
        return services;
    }
}
