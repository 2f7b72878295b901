using Microsoft.AspNetCore.Diagnostics;

namespace BudgetActors.Silo.Api;

/// <summary>
/// Turns what a grain call throws into problem details: a workflow refusal into its status and code, a
/// request the API could not read into 400, a call whose outcome is unknown into 504. Anything else is the
/// silo's fault: 500, logged, its message not shown.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            WorkflowException refusal => WorkflowProblems.From(refusal),
            BadHttpRequestException bad => WorkflowProblems.Problem(bad.StatusCode, nameof(WorkflowErrorCode.InvalidInput), bad.Message),
            TimeoutException => WorkflowProblems.Problem(StatusCodes.Status504GatewayTimeout, WorkflowProblems.ServerErrorCode,
                "The silo did not answer in time; the request may or may not have been applied. Read the current state before trying again."),
            SiloUnavailableException or OrleansMessageRejectionException => WorkflowProblems.Problem(StatusCodes.Status503ServiceUnavailable, WorkflowProblems.ServerErrorCode,
                "The silo is not serving calls right now; try again shortly."),
            _ => null,
        };
        if (problem is null)
        {
            SiloLog.RequestFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = WorkflowProblems.Problem(StatusCodes.Status500InternalServerError, WorkflowProblems.ServerErrorCode,
                "The silo failed to handle the request; it is logged.");
        }
        else if (exception is WorkflowException refusal)
        {
            SiloLog.RequestRefused(logger, httpContext.Request.Method, httpContext.Request.Path, refusal.Code);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
