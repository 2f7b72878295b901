using System.Text.Json;

namespace BudgetActors.ErpSimulator;

/// <summary>
/// The operator's and the tests' handle on a running simulator: fault settings per company, scripted
/// faults, outages, the journal and the data as the company holds it now. Unauthenticated: the simulator
/// is a test tool and listens on loopback unless told otherwise.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/companies");
        admin.MapGet("/", (SimulatedErp erp) => Results.Json<IReadOnlyList<CompanySummary>>(
            [.. erp.Companies.Select(c =>
            {
                var journal = c.Journal(tail: 0);
                return new CompanySummary(c.System, c.Code, c.Snapshot().Count, journal.Calls, journal.PostingsApplied, journal.Overlaps.Count, journal.DoublePostings.Count);
            })],
            SimulatorJsonContext.Default.IReadOnlyListCompanySummary));

        var company = admin.MapGroup("/{system}/{code}");
        company.MapGet("/faults", (string system, string code, SimulatedErp erp) =>
            With(erp, system, code, c => Results.Json(c.Faults, SimulatorJsonContext.Default.FaultSettings)));
        company.MapPut("/faults", async (string system, string code, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
        {
            var settings = await ReadAsync(request, SimulatorJsonContext.Default.FaultSettings, ct);
            return settings is null ? BadBody() : With(erp, system, code, c =>
            {
                c.Faults = settings;
                return Results.Json(settings, SimulatorJsonContext.Default.FaultSettings);
            });
        });
        company.MapPost("/faults/next", async (string system, string code, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
        {
            var faults = await ReadAsync(request, SimulatorJsonContext.Default.ScriptedFaultArray, ct);
            return faults is null ? BadBody() : With(erp, system, code, c =>
            {
                c.FailNextCalls(faults);
                return Results.NoContent();
            });
        });
        company.MapPost("/outage", async (string system, string code, HttpRequest request, SimulatedErp erp, CancellationToken ct) =>
        {
            var outage = await ReadAsync(request, SimulatorJsonContext.Default.OutageRequest, ct);
            return outage is not { Seconds: > 0 } ? BadBody() : With(erp, system, code, c =>
            {
                c.StartOutage(TimeSpan.FromSeconds(outage.Seconds));
                return Results.Json(c.Faults, SimulatorJsonContext.Default.FaultSettings);
            });
        });
        company.MapGet("/journal", (string system, string code, int? tail, SimulatedErp erp) =>
            With(erp, system, code, c => Results.Json(c.Journal(tail), SimulatorJsonContext.Default.JournalReport)));
        company.MapDelete("/journal", (string system, string code, SimulatedErp erp) =>
            With(erp, system, code, c =>
            {
                c.ClearJournal();
                return Results.NoContent();
            }));
        company.MapGet("/jobs", (string system, string code, SimulatedErp erp) =>
            With(erp, system, code, c => Results.Json(c.Snapshot(), SimulatorJsonContext.Default.IReadOnlyListJobData)));
        return app;
    }

    private static IResult With(SimulatedErp erp, string system, string code, Func<SimulatedCompany, IResult> action) =>
        Enum.TryParse<SimulatedSystem>(system, ignoreCase: true, out var parsed) && erp.Find(parsed, code) is { } company
            ? action(company)
            : Results.NotFound();

    private static async Task<T?> ReadAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadBody() => Results.BadRequest("The body is not valid JSON of the expected shape.");
}
