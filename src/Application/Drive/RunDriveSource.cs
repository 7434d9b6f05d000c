using Mediator;

namespace BrandAutomator.Application.Drive;

/// <summary>
/// The import job's work on one source (sent by the job for the tenant in its data): the first import of a new source,
/// or a sync run of an imported folder kept in sync. Does nothing when another node holds the source.
/// </summary>
public sealed record RunDriveSource(Guid SourceId) : ICommand<DriveRunResult>;

public sealed class RunDriveSourceHandler(DriveSourceRunner runner) : ICommandHandler<RunDriveSource, DriveRunResult>
{
    public async ValueTask<DriveRunResult> Handle(RunDriveSource command, CancellationToken cancellationToken) =>
        await runner.RunAsync(command.SourceId, cancellationToken);
}
