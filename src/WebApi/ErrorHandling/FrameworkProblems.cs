using Microsoft.AspNetCore.Mvc;

namespace BrandAutomator.WebApi.ErrorHandling;

/// <summary>
/// Problems the framework answers by itself (status-code pages: no endpoint, wrong method, a body that is not JSON)
/// carry only a status; this gives them our wording, and the field for a body that is not JSON.
/// </summary>
public static class FrameworkProblems
{
    public static void Explain(ProblemDetails problem)
    {
        if (problem.Detail is not null || problem is HttpValidationProblemDetails || problem.Extensions.ContainsKey("errors"))
        {
            return;
        }

        switch (problem.Status)
        {
            case StatusCodes.Status400BadRequest:
                problem.Title = "The request could not be read.";
                problem.Detail = "Check the address, the parameters and the body, and try again.";
                break;
            case StatusCodes.Status404NotFound:
                problem.Title = "Not found.";
                problem.Detail = "There is nothing at this address.";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                problem.Title = "Method not allowed.";
                problem.Detail = "This address does not accept that method.";
                break;
            case StatusCodes.Status413PayloadTooLarge:
                problem.Title = "The request is too large.";
                problem.Detail = "The request body is larger than this server accepts.";
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                problem.Title = "The body must be JSON.";
                problem.Detail = "Send the body as JSON with the header Content-Type: application/json.";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [problem.Detail] };
                break;
        }
    }
}
