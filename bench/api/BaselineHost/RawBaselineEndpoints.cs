using System.Globalization;
using System.Text.Json;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Social;
using BrandAutomator.Domain.Tenants;
using BrandAutomator.Infrastructure.Persistence.Tenants;
using Npgsql;

[assembly: HostingStartup(typeof(BrandAutomator.BaselineHost.RawBaselineStartup))]

namespace BrandAutomator.BaselineHost;

/// <summary>Adds <see cref="RawBaselineEndpoints"/> to the API when this assembly is named as a hosting startup (Program.cs).</summary>
public sealed class RawBaselineStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices((context, services) =>
        {
            if (context.Configuration.GetValue<bool>(RawBaselineEndpoints.Setting))
            {
                RawBaselineEndpoints.Add(services);
            }
        });
}

/// <summary>
/// The yardstick of bench/api: the calendar of a month read with raw Npgsql and written with the same System.Text.Json
/// options and DTOs as <c>GET /api/v1/content</c>, without authentication, Mediator, validation or EF Core. Not in the
/// product: only this host (bench/api/run) maps it, and only when <c>Benchmark:RawBaseline</c> is true, which the API's
/// Production settings guard refuses. It takes the tenant from the query string, and stays out of the OpenAPI document
/// and kong.yml.
/// </summary>
public static class RawBaselineEndpoints
{
    public const string Setting = "Benchmark:RawBaseline";

    public const string Route = "/api/bench/raw-content";

    /// <summary>
    /// Maps the baseline after the API's own endpoints and behind the API's middleware: a startup filter on the API's
    /// application builder adds to the same endpoint table, so one routing step serves both.
    /// </summary>
    public static void Add(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new MapAfterTheApi());

    private sealed class MapAfterTheApi : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(endpoints => Map(endpoints));
        };
    }

    private static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, async (Guid tenant, string from, string to, int? pageSize, NpgsqlDataSource dataSource, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(dataSource, tenant, from, to, pageSize ?? 100, ct)))
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();

    private static async Task<ContentPage> ListAsync(
        NpgsqlDataSource dataSource, Guid tenantId, string from, string to, int pageSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        string? zoneId;
        await using (var command = new NpgsqlCommand("SELECT time_zone FROM public.tenants WHERE id = $1", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            zoneId = await command.ExecuteScalarAsync(ct) as string;
        }

        var zone = TenantTime.Find(zoneId) ?? TimeZoneInfo.Utc;
        var start = TenantTime.ToUtc(DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), zone, "from");
        var end = TenantTime.ToUtc(DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), zone, "to");
        // The schema name is built from a Guid: nothing of the caller's text reaches the SQL.
        var schema = Tenant.SchemaNameFor(tenantId);

        // The same statements as the calendar's handler: the page with one row more, a count only when that row exists,
        // attempts only for posts that were ever scheduled.
        var rows = new List<Row>(pageSize + 1);
        await using (var command = new NpgsqlCommand(
                         $"""
                          SELECT id, company_id, title, variants, state, scheduled_at, due_at, review_comment, submitted_at, approved_at,
                                 last_error, published_at, created_by, created_at, updated_at, scheduled_on
                          FROM "{schema}".content_items WHERE scheduled_at >= $1 AND scheduled_at < $2
                          ORDER BY scheduled_at, id LIMIT $3
                          """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = start });
            command.Parameters.Add(new NpgsqlParameter { Value = end });
            command.Parameters.Add(new NpgsqlParameter { Value = pageSize + 1 });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new Row(
                    reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2),
                    // Read as the tenant model reads the stored variants.
                    (JsonSerializer.Deserialize<List<ContentVariant>>(reader.GetString(3), ContentVariantJson.Options) ?? [])
                        .Select(v => new ContentVariantDto(v.Platform, v.Text, v.MediaAssetIds, v.Options)).ToList(),
                    Enum.Parse<ContentState>(reader.GetString(4)),
                    Nullable(reader, 5), Nullable(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7),
                    Nullable(reader, 8), Nullable(reader, 9), reader.IsDBNull(10) ? null : reader.GetString(10), Nullable(reader, 11),
                    reader.GetGuid(12), reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14),
                    !reader.IsDBNull(15)));
            }
        }

        var total = rows.Count;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            await using var command = new NpgsqlCommand(
                $"SELECT count(*)::int FROM \"{schema}\".content_items WHERE scheduled_at >= $1 AND scheduled_at < $2", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = start });
            command.Parameters.Add(new NpgsqlParameter { Value = end });
            total = (int)(await command.ExecuteScalarAsync(ct))!;
        }

        // The latest attempt of each part; the post's own parts are the networks' results.
        var parts = new Dictionary<Guid, List<PublishPartDto>>();
        var scheduled = rows.Where(r => r.EverScheduled).Select(r => r.Id).ToArray();
        if (scheduled.Length > 0)
        {
            await using var command = new NpgsqlCommand(
                $"""
                 SELECT DISTINCT ON (content_item_id, platform, part_kind, part) content_item_id, platform, outcome, platform_post_id, error,
                        coalesce(finished_at, started_at), part_kind, part
                 FROM "{schema}".publish_attempts WHERE content_item_id = ANY($1)
                 ORDER BY content_item_id, platform, part_kind, part, started_at DESC, id DESC
                 """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = scheduled });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (!parts.TryGetValue(id, out var list))
                {
                    parts[id] = list = [];
                }

                list.Add(new PublishPartDto(
                    Enum.Parse<SocialPlatform>(reader.GetString(1)), Enum.Parse<PublishPartKind>(reader.GetString(6)), reader.GetInt32(7),
                    reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        var items = rows.Select(r => new ContentItemDto(
            r.Id, r.CompanyId, r.Title, r.Variants, r.State, r.ScheduledAt,
            r.ScheduledAt is { } at ? TenantTime.ToLocalText(at, zone) : null, zone.Id,
            r.State == ContentState.Scheduled ? r.DueAt : null, r.ReviewComment, r.SubmittedAt, r.ApprovedAt, r.LastError, r.PublishedAt,
            Results(parts.GetValueOrDefault(r.Id)), r.CreatedBy, r.CreatedAt, r.UpdatedAt,
            // bench/api's posts are planned drafts, which carry no connection warnings; the calendar's handler reads the
            // connections only for a page with a scheduled post, so both do the same work here.
            [], null, null, Ordered(parts.GetValueOrDefault(r.Id)))).ToList();
        return new ContentPage(items, 1, pageSize, total, zone.Id);
    }

    private static List<PlatformResultDto> Results(List<PublishPartDto>? parts) =>
        (parts ?? []).Where(p => p.Kind == PublishPartKind.Post)
            .Select(p => new PlatformResultDto(p.Platform, p.Outcome, p.PlatformPostId, p.Error, p.At)).ToList();

    private static List<PublishPartDto> Ordered(List<PublishPartDto>? parts) =>
        (parts ?? []).OrderBy(p => p.Platform).ThenBy(p => p.Kind == PublishPartKind.FirstComment).ThenBy(p => p.Part).ToList();

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private sealed record Row(
        Guid Id, Guid? CompanyId, string Title, List<ContentVariantDto> Variants, ContentState State, DateTimeOffset? ScheduledAt,
        DateTimeOffset? DueAt, string? ReviewComment, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, string? LastError,
        DateTimeOffset? PublishedAt, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool EverScheduled);
}
