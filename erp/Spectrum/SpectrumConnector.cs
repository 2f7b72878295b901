using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace BudgetActors.Erp.Spectrum;

/// <summary>
/// Spectrum Data Exchange over SOAP: GetJob, GetPhase, GetCostCode and AddPhase, each at its own
/// <c>/wsdls/&lt;Service&gt;.jws</c> endpoint, with the company's Authorization_ID and a GUID per batch (an
/// export's GUID is derived from its idempotency key, so a retry is recognised). Error_Code A, I and M are
/// permanent refusals; G and W are success; network faults, timeouts and server faults are transient.
/// </summary>
public sealed class SpectrumConnector(HttpClient http, SpectrumOptions options, TimeProvider time, ILogger<SpectrumConnector> logger) : IErpConnector
{
    private const string ContentType = "text/xml";

    public ErpSystem System => ErpSystem.Spectrum;

    public async Task<ErpJobInfo?> GetJobAsync(string companyCode, string erpJob, CancellationToken cancellationToken)
    {
        var job = await CallAsync(companyCode, "GetJob", Guid.NewGuid(), [SpectrumEnvelope.Field("pJob_Number", erpJob)], cancellationToken);
        if (SpectrumEnvelope.Records(job).FirstOrDefault() is not { } record)
        {
            return null;
        }

        var estimates = await GetEstimatesAsync(companyCode, erpJob, cancellationToken);
        return new ErpJobInfo(SpectrumEnvelope.Value(record, "Job_Number") ?? erpJob, SpectrumEnvelope.Value(record, "Job_Description") ?? "", estimates.Any(e => e.OriginalEstimate != 0));
    }

    public async Task<IReadOnlyList<ErpEstimate>> GetEstimatesAsync(string companyCode, string erpJob, CancellationToken cancellationToken)
    {
        var phases = await CallAsync(companyCode, "GetPhase", Guid.NewGuid(), [SpectrumEnvelope.Field("pJob_Number", erpJob)], cancellationToken);
        return [.. SpectrumEnvelope.Records(phases).Select(r => new ErpEstimate(
            Required(r, "Phase_Code"), Required(r, "Cost_Type"), SpectrumEnvelope.Value(r, "Description") ?? "",
            Amount(r, "Original_Est_Cost"), Amount(r, "JTD_Actual_Dollars")))];
    }

    public async Task<IReadOnlyList<string>> ListCostCodesAsync(string companyCode, CancellationToken cancellationToken)
    {
        var codes = await CallAsync(companyCode, "GetCostCode", Guid.NewGuid(), [], cancellationToken);
        return [.. SpectrumEnvelope.Records(codes).Select(r => Required(r, "Phase_Code")).Distinct(StringComparer.Ordinal)];
    }

    public async Task PostEstimatesAsync(string companyCode, ExportRequest request, CancellationToken cancellationToken)
    {
        var batch = ErpBatchId.For(request.IdempotencyKey);
        var phases = new XElement(SpectrumEnvelope.DataExchange + "Phases", request.Lines.Select(line =>
            new XElement(SpectrumEnvelope.DataExchange + "Phase",
                SpectrumEnvelope.Field("Job_Number", request.ErpJob),
                SpectrumEnvelope.Field("Phase_Code", line.CostCode),
                SpectrumEnvelope.Field("Cost_Type", line.Category),
                SpectrumEnvelope.Field("Original_Est_Cost", line.Original),
                SpectrumEnvelope.Field("Current_Est_Cost", line.Revised))));
        var answer = await CallAsync(companyCode, "AddPhase", batch, [SpectrumEnvelope.Field("pJob_Number", request.ErpJob), phases], cancellationToken);
        if (SpectrumEnvelope.Value(answer, "Error_Code") == "W")
        {
            ErpLog.PostedWithWarning(logger, ErpSystem.Spectrum, companyCode, batch, SpectrumEnvelope.Value(answer, "Error_Description") ?? "");
        }
    }

    /// <summary>One SOAP call: the answer's response element when Error_Code is G or W, an <see cref="ErpException"/> otherwise.</summary>
    private async Task<XElement> CallAsync(string companyCode, string service, Guid batch, object[] parameters, CancellationToken cancellationToken)
    {
        if (!options.Companies.TryGetValue(companyCode, out var company) || company.BaseUrl is null)
        {
            throw ErpFaults.NotConfigured(ErpSystem.Spectrum, companyCode);
        }

        ErpLog.Calling(logger, ErpSystem.Spectrum, companyCode, service);
        using var request = new HttpRequestMessage(HttpMethod.Post, ErpHttp.Combine(company.BaseUrl, $"wsdls/{service}.jws"))
        {
            Content = new StringContent(SpectrumEnvelope.Request(service, company.AuthorizationId, batch, companyCode, parameters), global::System.Text.Encoding.UTF8, ContentType),
        };
        request.Headers.Add("SOAPAction", $"\"{SpectrumEnvelope.DataExchange}/{service}\"");

        try
        {
            var (status, body, _) = await ErpHttp.SendAsync(http, request, options.RequestTimeout, time, cancellationToken);
            return Answer(companyCode, service, status, body);
        }
        catch (ErpException exception)
        {
            Log(companyCode, service, exception);
            throw;
        }
    }

    private XElement Answer(string companyCode, string service, HttpStatusCode status, string body)
    {
        XElement response;
        try
        {
            response = SpectrumEnvelope.ReadBody(body);
        }
        catch (XmlException exception)
        {
            // A 5xx without a readable envelope (a proxy's error page) is still a server fault worth retrying.
            throw ErpHttp.IsTransient(status)
                ? ErpFaults.Transient("Unavailable", $"Spectrum answered {(int)status} {status}")
                : ErpFaults.Unreadable(ErpSystem.Spectrum, exception.Message, exception);
        }

        if (response.Name == SpectrumEnvelope.Soap + "Fault")
        {
            var faultCode = response.Element("faultcode")?.Value ?? "";
            var text = response.Element("faultstring")?.Value ?? $"SOAP fault {faultCode}";
            throw ErpHttp.IsTransient(status) || faultCode.EndsWith("Server", StringComparison.Ordinal)
                ? ErpFaults.Transient("Unavailable", $"Spectrum answered {(int)status}: {text}")
                : ErpFaults.Refused("A", $"Spectrum refused the request: {text}", null);
        }

        if (status != HttpStatusCode.OK)
        {
            throw ErpHttp.IsTransient(status)
                ? ErpFaults.Transient("Unavailable", $"Spectrum answered {(int)status} {status}")
                : ErpFaults.Refused("A", $"Spectrum answered {(int)status} {status}", null);
        }

        if (response.Name != SpectrumEnvelope.DataExchange + $"{service}Response")
        {
            throw ErpFaults.Unreadable(ErpSystem.Spectrum, $"expected {service}Response, got {response.Name.LocalName}");
        }

        var code = SpectrumEnvelope.Value(response, "Error_Code") ?? "";
        if (code is "G" or "W" or "")
        {
            return response;
        }

        // A (abort/not authorised), I (invalid), M (missing) and any code we do not know: Spectrum would say it again.
        throw ErpFaults.Refused(code, NonEmpty(SpectrumEnvelope.Value(response, "Error_Description")) ?? $"Spectrum refused {service}", NonEmpty(SpectrumEnvelope.Value(response, "Error_Column")));
    }

    private void Log(string companyCode, string service, ErpException exception)
    {
        if (exception.IsTransient)
        {
            ErpLog.Transient(logger, ErpSystem.Spectrum, companyCode, service, exception.Error.Text);
        }
        else if (exception.Error.Code == "Unreadable")
        {
            ErpLog.Unreadable(logger, ErpSystem.Spectrum, companyCode, service, exception.Error.Text);
        }
        else
        {
            ErpLog.Refused(logger, ErpSystem.Spectrum, companyCode, service, exception.Error);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Required(XElement record, string name) =>
        NonEmpty(SpectrumEnvelope.Value(record, name)) ?? throw ErpFaults.Unreadable(ErpSystem.Spectrum, $"a record has no {name}");

    private static decimal Amount(XElement record, string name) =>
        SpectrumEnvelope.Value(record, name) is not { Length: > 0 } text ? 0m
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount
        : throw ErpFaults.Unreadable(ErpSystem.Spectrum, $"{name} '{text}' is not an amount");
}
