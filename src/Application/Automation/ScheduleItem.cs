namespace BrandAutomator.Application.Automation;

/// <summary>
/// One post and its time: <see cref="At"/> is a wall-clock time in the workspace's time zone (<c>2026-10-24T09:00</c>)
/// or an instant with an offset; without it the post's planned time is used.
/// </summary>
// Stays in the Automation namespace while the OpenAPI schema ids carry namespaces: its full name is the schema id
// the SPA's generated client uses ("Application.Automation.ScheduleItem"). Move it beside ScheduleContent when the
// schema ids become short (#27, OpenAPI part).
public sealed record ScheduleItem(Guid Id, string? At);
