using System.Text.Json.Serialization;
using BudgetActors.Silo.Authentication;

namespace BudgetActors.Silo.Api;

/// <summary>The REST/JSON API on the silo: <c>services.AddBudgetActorsApi()</c>, then <c>app.UseBudgetActorsApi()</c>.</summary>
public static class ApiHostingExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddBudgetActorsApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // The context's generated metadata is used for the workflow's records; these options are the
            // ones requests are read with, so they carry the same strictness.
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });

        // A body the API cannot read throws, so that the exception handler answers it as problem details.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Answers the workflow never gave (no such route, wrong method) get a code too, so that clients branch on one field.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.TryAdd(
            WorkflowProblems.CodeExtension,
            c.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => nameof(WorkflowErrorCode.NotFound),
                >= 500 => WorkflowProblems.ServerErrorCode,
                _ => nameof(WorkflowErrorCode.InvalidInput),
            }));
        services.AddExceptionHandler<ApiExceptionHandler>();
        // The core of authentication only: the full AddAuthentication brings data protection, which keeps
        // keys on disk for cookies this API never issues.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o =>
        {
            o.AddScheme<ApiTokenAuthenticationHandler>(ApiTokenDefaults.Scheme, "API token");
            o.DefaultScheme = ApiTokenDefaults.Scheme;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiTokenDefaults.Policy, p => p.AddAuthenticationSchemes(ApiTokenDefaults.Scheme).RequireAuthenticatedUser());
        services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return services;
    }

    /// <summary>The middleware the API needs (problem details for every error, token authentication) and its endpoints.</summary>
    public static WebApplication UseBudgetActorsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBudgetActorsApi();
        return app;
    }

    /// <summary>
    /// Every endpoint under <c>/api/v1</c> needs a token and acts as its user; those under
    /// <c>/api/v1/companies/{companyId}</c> only for the token's company. The OpenAPI document at
    /// <c>/openapi/v1.json</c> is open to all.
    /// </summary>
    public static IEndpointRouteBuilder MapBudgetActorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiTokenDefaults.Policy)
            .AddEndpointFilter<CallerContextFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapCallerApi();

        var company = api.MapGroup($"/companies/{{{CallerContextFilter.CompanyRouteValue}}}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        company.MapCompanyApi();
        company.MapTokenApi();
        company.MapBudgetApi();
        company.MapApprovalApi();
        company.MapErpApi();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
