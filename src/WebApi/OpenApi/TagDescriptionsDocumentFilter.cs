using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BrandAutomator.WebApi.OpenApi;

/// <summary>What each tag (one per resource group) is about, for the reader of the document and of generated clients.</summary>
internal sealed class TagDescriptionsDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["AI"] = "The brand strategist: grounded chat, brand strategy versions, market analysis, post drafts and the AI quota.",
        ["API keys"] = "Workspace API keys for scripts and integrations: scopes, expiry, per-key rate limits, last use and revocation.",
        ["Assets"] = "The tenant's uploaded files (logos, documents, images, videos) and their processing state.",
        ["Auth"] = "Sign-up, sign-in, token refresh and sessions, invitations, and the keys that verify access tokens.",
        ["Automation"] = "Scheduling and publishing posts, the automation activity feed, social profile kits and Google Business Profile locations.",
        ["Brand guard"] = "Posts checked against the brand's own documents: rules read from them (editable), findings with cited passages and fixes, what blocks scheduling.",
        ["Client review"] = "Signed, expiring links that share posts with a client who has no account: previews, approvals and requests for changes, revocation.",
        ["Companies"] = "The tenant's brands.",
        ["Content"] = "The content calendar: posts with a variant per network, review and approval, and the iCalendar feed.",
        ["Content import"] = "Posts from a CSV file: a template, the file's columns, a dry run naming every bad row and column, and the import (all or nothing, or row by row).",
        ["Dashboard"] = "The overview a member sees first.",
        ["Analytics"] = "Metrics the networks report for published posts and accounts: the analytics page, CSV and PDF exports, best times to post.",
        ["Drive"] = "Google Drive import: connecting a Google account (OAuth 2.0 with PKCE, read-only), browsing it, importing a folder or files as assets, and keeping a folder in sync.",
        ["Feeds"] = "RSS and Atom feeds a brand watches: each new item becomes one draft or queued post through a template; polite polling, pausing after repeated failures.",
        ["Files"] = "Stored files served through signed, expiring links.",
        ["Links"] = "Short links of published posts (/l/{code}): each network's own UTM parameters, clicks by people counted (crawlers, link previews and HEAD requests are not), per post and per link.",
        ["Notifications"] = "Messages to the workspace about publishing, connections and billing.",
        ["Onboarding"] = "The onboarding wizard: its progress and the company it fills in.",
        ["Queue"] = "The posting queue: weekly posting times per brand and network in the workspace's time zone, add to queue, reordering.",
        ["Recurring posts"] = "Posts that repeat weekly or monthly in the workspace's time zone: each occurrence a post of its own, skip one, change this and the following.",
        ["Snippets"] = "A brand's hashtag groups, signatures and post templates (with {brand}, {product}, {link} and {website}), for the composer and the AI drafts.",
        ["Social"] = "Connected social accounts (OAuth 2.0) and the brand's profiles on each network.",
        ["Subscriptions"] = "Plans, Stripe Checkout and billing portal, subscription status, and Stripe's webhook.",
        ["Tenants"] = "Workspaces: members, roles, invitations, time zone and the audit log.",
        ["Webhooks"] = "Outbound webhooks: endpoints per workspace with the events they receive, signed (Standard Webhooks) and retried for a day, their delivery log, redelivery and test events.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        // A tag missing here fails the OpenAPI lint (tag-description) in the tests, so a new group is noticed.
        foreach (var tag in swaggerDoc.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && Descriptions.TryGetValue(tag.Name, out var description))
            {
                tag.Description ??= description;
            }
        }
    }
}
