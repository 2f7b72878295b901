using System.Xml;
using System.Xml.Linq;

namespace BudgetActors.Erp.Spectrum;

/// <summary>
/// Spectrum Data Exchange SOAP 1.1 envelopes. Requests are built as XML trees, so every value is escaped by
/// the writer, never pasted into text; answers are read with DTDs prohibited and no resolver, so a hostile
/// answer (external entities, entity expansion) is refused before anything in it is expanded or fetched.
/// </summary>
internal static class SpectrumEnvelope
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace DataExchange = "urn:spectrum:dataexchange";

    private static readonly XmlReaderSettings ReadSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = ErpHttp.MaxResponseBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>A request: the operation element with Authorization_ID, GUID and company code first, then its parameters.</summary>
    public static string Request(string operation, string authorizationId, Guid batch, string companyCode, params object[] content)
    {
        var call = new XElement(DataExchange + operation,
            new XElement(DataExchange + "Authorization_ID", authorizationId),
            new XElement(DataExchange + "GUID", batch.ToString("D")),
            new XElement(DataExchange + "pCompany_Code", companyCode),
            content);
        var envelope = new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", Soap),
            new XElement(Soap + "Body", call));
        var text = new System.Text.StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            envelope.WriteTo(writer);
        }

        return text.ToString();
    }

    public static XElement Field(string name, object? value) => new(DataExchange + name, value switch
    {
        decimal amount => XmlConvert.ToString(amount),
        null => "",
        _ => value,
    });

    /// <summary>Reads an answer's body element (the operation's response, or a soap:Fault).</summary>
    /// <exception cref="XmlException">The answer is not well-formed XML, carries a DTD, or is not a SOAP envelope.</exception>
    public static XElement ReadBody(string answer)
    {
        using var reader = XmlReader.Create(new StringReader(answer), ReadSettings);
        var document = XDocument.Load(reader);
        return document.Root is { } root && root.Name == Soap + "Envelope" && root.Element(Soap + "Body")?.Elements().FirstOrDefault() is { } body
            ? body
            : throw new XmlException("the answer is not a SOAP envelope with a body");
    }

    public static string? Value(XElement parent, string name) => parent.Element(DataExchange + name)?.Value;

    public static IEnumerable<XElement> Records(XElement response) =>
        response.Element(DataExchange + "Records")?.Elements(DataExchange + "Record") ?? [];
}
