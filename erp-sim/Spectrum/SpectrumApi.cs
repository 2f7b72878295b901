using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BudgetActors.ErpSimulator;

/// <summary>
/// Spectrum Data Exchange: one SOAP endpoint per service, <c>/wsdls/&lt;Service&gt;.jws</c>. The
/// Authorization_ID in every request names the company; every answer carries Error_Code (G good, W warning,
/// A abort/not authorised, I invalid, M missing), Error_Description and Error_Column.
/// </summary>
public static class SpectrumApi
{
    private const string ContentType = "text/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapSpectrumApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/wsdls/{service}.jws", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(string service, HttpRequest request, SimulatedErp erp, CancellationToken cancellationToken)
    {
        XElement call;
        try
        {
            call = await SpectrumSoap.ReadOperationAsync(request.Body, cancellationToken);
        }
        catch (XmlException exception)
        {
            return Xml(SpectrumSoap.Fault("Client", $"The request could not be read: {exception.Message}"), StatusCodes.Status400BadRequest);
        }

        if (call.Name != SpectrumSoap.DataExchange + service || service is not ("GetJob" or "GetPhase" or "GetCostCode" or "AddPhase"))
        {
            return Xml(SpectrumSoap.Fault("Client", $"{service}.jws has no operation {call.Name.LocalName}"), StatusCodes.Status404NotFound);
        }

        var company = erp.ByAuthorization(SpectrumSoap.Field(call, "Authorization_ID"));
        if (company is null || SpectrumSoap.Field(call, "pCompany_Code") is { } code && code != company.Code)
        {
            return Xml(SpectrumSoap.Response(service, "A", "Authorization_ID is not valid for this company", "Authorization_ID", []));
        }

        var guid = SpectrumSoap.Field(call, "GUID");
        var answer = await company.CallAsync(service, service == "AddPhase" ? guid : null, outcome => service switch
        {
            "GetJob" => GetJob(company, call),
            "GetPhase" => GetPhase(company, call, outcome),
            "GetCostCode" => SpectrumSoap.Response(service, "G", null, null, company.CostCodes.Select(c => SpectrumSoap.Record(("Phase_Code", c)))),
            _ => AddPhase(company, call, guid, outcome),
        }, cancellationToken);
        return answer.Fault is { } fault ? Render(service, fault) : Xml(answer.Result!);
    }

    private static string GetJob(SimulatedCompany company, XElement call)
    {
        // Like Spectrum's Get services, a filter that matches nothing answers G with no records.
        var job = SpectrumSoap.Field(call, "pJob_Number") ?? "";
        var records = company.Jobs.TryGetValue(job, out var found)
            ? [SpectrumSoap.Record(("Job_Number", found.Job), ("Job_Description", found.Name), ("Status_Code", found.Closed ? "C" : "A"))]
            : Array.Empty<XElement>();
        return SpectrumSoap.Response("GetJob", "G", null, null, records);
    }

    private static string GetPhase(SimulatedCompany company, XElement call, CallOutcome outcome)
    {
        var job = SpectrumSoap.Field(call, "pJob_Number") ?? "";
        if (!company.Jobs.TryGetValue(job, out var found))
        {
            outcome.Outcome = "error M";
            return SpectrumSoap.Response("GetPhase", "M", $"Job {job} does not exist", "Job_Number", []);
        }

        return SpectrumSoap.Response("GetPhase", "G", null, null, found.Phases.Select(p => SpectrumSoap.Record(
            ("Job_Number", found.Job), ("Phase_Code", p.Key.CostCode), ("Cost_Type", p.Key.CostType), ("Description", p.Value.Description),
            ("Original_Est_Cost", p.Value.OriginalEstimate), ("Current_Est_Cost", p.Value.CurrentEstimate), ("JTD_Actual_Dollars", p.Value.JobToDateCost))));
    }

    private static string AddPhase(SimulatedCompany company, XElement call, string? guid, CallOutcome outcome)
    {
        if (!Guid.TryParse(guid, out _))
        {
            outcome.Outcome = "error I";
            return SpectrumSoap.Response("AddPhase", "I", "GUID is missing or not a GUID", "GUID", []);
        }

        var job = SpectrumSoap.Field(call, "pJob_Number") ?? "";
        var lines = new List<PostingLine>();
        foreach (var phase in call.Element(SpectrumSoap.DataExchange + "Phases")?.Elements(SpectrumSoap.DataExchange + "Phase") ?? [])
        {
            if (!TryAmount(phase, "Original_Est_Cost", out var original) || !TryAmount(phase, "Current_Est_Cost", out var current))
            {
                var column = TryAmount(phase, "Original_Est_Cost", out _) ? "Current_Est_Cost" : "Original_Est_Cost";
                outcome.Outcome = "error I";
                return SpectrumSoap.Response("AddPhase", "I", $"{column} is not an amount", column, []);
            }

            lines.Add(new PostingLine(
                SpectrumSoap.Field(phase, "Phase_Code") ?? "", SpectrumSoap.Field(phase, "Cost_Type") ?? "",
                SpectrumSoap.Field(phase, "Description"), original, current));
        }

        var result = company.ApplyPostingOnce(guid!, job, lines, PostingNames.Spectrum);
        outcome.Outcome = result.Outcome;
        return result.Refusal is { } refusal
            ? SpectrumSoap.Response("AddPhase", refusal.Code, refusal.Description, refusal.Column, [])
            : SpectrumSoap.Response("AddPhase", result.Warning is null ? "G" : "W", result.Warning, null, []);
    }

    private static bool TryAmount(XElement phase, string name, out decimal amount) =>
        decimal.TryParse(SpectrumSoap.Field(phase, name), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);

    private static IResult Render(string service, InjectedFault fault) => fault.Kind switch
    {
        FaultKind.Permanent => Xml(SpectrumSoap.Response(service, fault.ErrorCode, fault.Description, null, [])),
        FaultKind.Malformed => Xml(SpectrumSoap.Malformed(service)),
        FaultKind.Hostile => Xml(SpectrumSoap.Hostile(service)),
        _ => Xml(SpectrumSoap.Fault("Server", fault.Description), StatusCodes.Status503ServiceUnavailable),
    };

    private static IResult Xml(string body, int status = StatusCodes.Status200OK) => Results.Text(body, ContentType, statusCode: status);
}
