using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files.Inspection;
using Microsoft.Extensions.DependencyInjection;

namespace BrandAutomator.Infrastructure.Tests.Files.Inspection;

public class InspectionSetupTests
{
    [Fact]
    public void The_inspector_and_the_analyzer_are_registered_as_single_instances()
    {
        using var provider = new ServiceCollection().AddContentInspection().BuildServiceProvider();

        Assert.IsType<ContentInspector>(provider.GetRequiredService<IContentInspector>());
        Assert.IsType<MediaAnalyzer>(provider.GetRequiredService<IMediaAnalyzer>());
        Assert.Same(provider.GetRequiredService<IMediaAnalyzer>(), provider.GetRequiredService<IMediaAnalyzer>());
    }
}
