using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Companies;
using BrandAutomator.WebApi.Hosting;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class CompanyEndpoints
{
    public sealed record CompanyRequest(string Name, string? Description, string? Industry, [property: Url] string? Website);

    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var companies = app.MapGroup("/api/v1/companies").WithTags("Companies").RequireAuthorization(Policies.Viewer)
            .AllowApiKeys(ApiScope.ContentRead, ApiScope.ContentWrite);

        companies.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCompanies(), ct)))
            .WithName("ListCompanies")
            .WithSummary("The tenant's brands.");

        companies.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCompany(id), ct)))
            .WithName("GetCompany")
            .WithSummary("One of the tenant's brands.");

        companies.MapPost("/", async (CompanyRequest body, ISender sender, CancellationToken ct) =>
            {
                var company = await sender.Send(new CreateCompany(body.Name ?? "", body.Description, body.Industry, body.Website), ct);
                return TypedResults.Created($"/api/v1/companies/{company.Id}", company);
            })
            .RequireAuthorization(Policies.Editor)
            .WithIdempotencyKey()
            .WithName("CreateCompany")
            .WithSummary("Add a brand (the plan limits how many).")
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

        companies.MapPut("/{id:guid}", async (Guid id, CompanyRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateCompany(id, body.Name ?? "", body.Description, body.Industry, body.Website), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateCompany")
            .WithSummary("Replace a brand's name, description, industry and website.");

        companies.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteCompany(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteCompany")
            .WithSummary("Delete a brand.");
        return app;
    }
}
