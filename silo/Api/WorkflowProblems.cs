using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace BudgetActors.Silo.Api;

/// <summary>
/// How a refusal reads over HTTP: RFC 7807 problem details whose <c>code</c> is the workflow's error code
/// (what programs act on) and whose <c>detail</c> is the workflow's message (what people act on).
/// </summary>
public static partial class WorkflowProblems
{
    /// <summary>The <c>code</c> of a 401: not a workflow code, since the workflow never saw the request.</summary>
    public const string UnauthenticatedCode = "Unauthenticated";

    /// <summary>The <c>code</c> of a failure that is nobody's refusal (the silo's fault, or a call that timed out).</summary>
    public const string ServerErrorCode = "ServerError";

    public const string CodeExtension = "code";

    public static int StatusOf(WorkflowErrorCode code) => code switch
    {
        WorkflowErrorCode.InvalidInput or WorkflowErrorCode.InvalidAmount => StatusCodes.Status400BadRequest,
        WorkflowErrorCode.PermissionDenied => StatusCodes.Status403Forbidden,
        WorkflowErrorCode.NotFound => StatusCodes.Status404NotFound,
        WorkflowErrorCode.ErpRefused => StatusCodes.Status502BadGateway,
        WorkflowErrorCode.ErpUnavailable => StatusCodes.Status503ServiceUnavailable,

        // Everything else is "not now, not in this state": the request is fine, the budget (or ERP job) is not ready for it.
        _ => StatusCodes.Status409Conflict,
    };

    public static ProblemDetails From(WorkflowException refusal) =>
        Problem(StatusOf(refusal.Code), refusal.Code.ToString(), refusal.Message);

    public static ProblemDetails Unauthenticated(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, UnauthenticatedCode, detail);

    public static ProblemDetails Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = $"urn:budgetactors:problem:{code}",
            Title = TitleOf(code),
            Status = status,
            Detail = detail,
        };
        problem.Extensions[CodeExtension] = code;
        return problem;
    }

    /// <summary>The code in words ("EditWhileLocked": "Edit while locked"), so the title never drifts from the code.</summary>
    private static string TitleOf(string code)
    {
        var words = CapitalLetter().Replace(code, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CapitalLetter();
}
