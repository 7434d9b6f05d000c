using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BrandAutomator.TestSupport;
using BrandAutomator.WebApi.Tests.Ai;

namespace BrandAutomator.WebApi.Tests.Snippets;

/// <summary>A brand's hashtag groups, signatures and post templates: saved, checked on the field at fault, kept to their workspace.</summary>
public sealed class SnippetTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Hashtag_groups_signatures_and_templates_are_saved_listed_changed_and_deleted_per_brand()
    {
        var account = await factory.RegisterAsync();
        var brand = await account.CreateBrandAsync();

        var group = await CreateAsync(account, new { companyId = brand, kind = "hashtagGroup", name = "Coffee", body = "#coffee specialty, #Roasting\n#coffee" });
        Assert.Equal("#coffee #specialty #Roasting", group["body"]!.GetValue<string>());
        var signature = await CreateAsync(account, new { companyId = brand, kind = "signature", name = "Sign-off", body = "Brewed with care, the {brand} team" });
        var template = await CreateAsync(account, new { companyId = brand, kind = "template", name = "Launch", body = "New at {brand}: {product}. Order at {link}" });
        Assert.Equal(["brand", "product", "link"], template["variables"]!.AsArray().Select(v => v!.GetValue<string>()));

        var all = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}"))!;
        Assert.Equal(["Coffee", "Sign-off", "Launch"], all["items"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Contains("website", all["templateVariables"]!.AsArray().Select(v => v!.GetValue<string>()));
        var templates = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}&kind=template"))!;
        Assert.Single(templates["items"]!.AsArray());

        var id = template["id"]!.GetValue<Guid>();
        var changed = await account.Client.PutAsJsonAsync($"/api/v1/snippets/{id}", new { name = "Launch v2", body = "{product} is here. {link}" });
        await changed.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Launch v2", (await changed.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>());

        await (await account.Client.DeleteAsync($"/api/v1/snippets/{signature["id"]}")).EnsureStatusAsync(HttpStatusCode.NoContent);
        var left = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}"))!;
        Assert.Equal(2, left["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("template", "Launch", "Hello {brand}, try {prodcut} and {price}", "body", "{prodcut}, {price}")]
    [InlineData("hashtagGroup", "Tags", "#good #not-good", "body", "#not-good")]
    [InlineData("signature", "", "Cheers", "name", "name")]
    [InlineData("signature", "Sign-off", "   ", "body", "text")]
    public async Task Bad_input_is_refused_with_a_problem_naming_the_field(string kind, string name, string body, string field, string mentioned)
    {
        var account = await factory.RegisterAsync();
        var brand = await account.CreateBrandAsync();
        var response = await account.Client.PostAsJsonAsync("/api/v1/snippets", new { companyId = brand, kind, name, body });
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        var message = problem["errors"]![field]![0]!.GetValue<string>();
        Assert.Contains(mentioned, message, StringComparison.Ordinal);
        Assert.Empty((await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_change_that_breaks_a_template_is_refused_and_the_template_is_left_as_it_was()
    {
        var account = await factory.RegisterAsync();
        var brand = await account.CreateBrandAsync();
        var template = await CreateAsync(account, new { companyId = brand, kind = "template", name = "Launch", body = "New: {product}" });
        var response = await account.Client.PutAsJsonAsync($"/api/v1/snippets/{template["id"]}", new { name = "Launch", body = "New: {colour}" });
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{colour}", (await response.ProblemAsync())["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var kept = (await account.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}"))!["items"]![0]!;
        Assert.Equal("New: {product}", kept["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_workspace_can_neither_see_nor_change_nor_use_a_brands_snippets()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var brand = await a.CreateBrandAsync();
        var group = await CreateAsync(a, new { companyId = brand, kind = "hashtagGroup", name = "Coffee", body = "#coffee" });
        var id = group["id"]!.GetValue<Guid>();

        Assert.Empty((await b.Client.GetFromJsonAsync<JsonObject>($"/api/v1/snippets?companyId={brand}"))!["items"]!.AsArray());
        Assert.Empty((await b.Client.GetFromJsonAsync<JsonObject>("/api/v1/snippets"))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PutAsJsonAsync($"/api/v1/snippets/{id}", new { name = "Mine", body = "#mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.DeleteAsync($"/api/v1/snippets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await b.Client.PostAsJsonAsync("/api/v1/snippets", new { companyId = brand, kind = "signature", name = "x", body = "y" })).StatusCode);
        Assert.Equal("#coffee", (await a.Client.GetFromJsonAsync<JsonObject>("/api/v1/snippets"))!["items"]![0]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Offline_post_drafts_close_with_the_chosen_signature_and_hashtag_groups_within_each_networks_limit()
    {
        var account = await factory.RegisterAsync();
        var brand = await account.CreateBrandAsync();
        var group = await CreateAsync(account, new { companyId = brand, kind = "hashtagGroup", name = "Coffee", body = "#NorthwindCoffee #FreshRoast" });
        var signature = await CreateAsync(account, new { companyId = brand, kind = "signature", name = "Sign-off", body = "Brewed with care in Leeds." });

        var response = await account.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", new
        {
            companyId = brand, platforms = new[] { "x", "linkedIn" }, topic = "Our new winter roast", count = 2,
            signatureId = signature["id"], hashtagGroupIds = new[] { group["id"] },
        });
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        var platforms = (await response.Content.ReadFromJsonAsync<JsonObject>())!["platforms"]!.AsArray();
        foreach (var platform in platforms)
        {
            var max = platform!["maxLength"]!.GetValue<int>();
            foreach (var draft in platform["drafts"]!.AsArray())
            {
                var text = draft!["text"]!.GetValue<string>();
                Assert.EndsWith("Brewed with care in Leeds.\n\n#NorthwindCoffee #FreshRoast", text, StringComparison.Ordinal);
                Assert.True(draft["length"]!.GetValue<int>() <= max, $"{text.Length} > {max}");
            }
        }

        var other = await factory.RegisterAsync();
        var foreign = await other.Client.PostAsJsonAsync("/api/v1/ai/generate-posts", new
        {
            companyId = await other.CreateBrandAsync(), platforms = new[] { "x" }, topic = "Winter roast", count = 1, signatureId = signature["id"],
        });
        await foreign.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await foreign.ProblemAsync())["errors"]!["signatureId"]);
    }

    private static async Task<JsonObject> CreateAsync(Account account, object body)
    {
        var response = await account.Client.PostAsJsonAsync("/api/v1/snippets", body);
        await response.EnsureStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
