using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace BudgetActors.ErpSimulator;

/// <summary>The SOAP 1.1 envelopes of Spectrum Data Exchange as the simulator reads and writes them.</summary>
internal static class SpectrumSoap
{
    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace DataExchange = "urn:spectrum:dataexchange";

    private const int MaxRequestBytes = 16 * 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        // A request that brings a DTD is refused outright: no entity is ever expanded or fetched.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxRequestBytes,
    };

    /// <summary>The operation element inside the envelope's body.</summary>
    /// <remarks>
    /// The body is read whole first and parsed synchronously: an asynchronous XmlReader allocates a 64K-char and a
    /// 64 KB buffer per request (the large-object heap), which at a thousand requests a second was most of the
    /// simulator's garbage and forced full collections. A synchronous reader needs 4 KB buffers.
    /// </remarks>
    public static async Task<XElement> ReadOperationAsync(Stream body, CancellationToken cancellationToken)
    {
        using var request = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (request.Length + read > MaxRequestBytes)
                {
                    throw new XmlException("The request is too large.");
                }

                request.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        request.Position = 0;
        using var reader = XmlReader.Create(request, ReaderSettings);
        var document = XDocument.Load(reader);
        return document.Root?.Element(Envelope + "Body")?.Elements().FirstOrDefault()
            ?? throw new XmlException("The request is not a SOAP envelope with a body.");
    }

    public static string? Field(XElement parent, string name) => parent.Element(DataExchange + name)?.Value;

    /// <summary>An answer: the error trio (G when all is well) and the records.</summary>
    public static string Response(string operation, string errorCode, string? description, string? column, IEnumerable<XElement> records) =>
        Write(new XElement(DataExchange + $"{operation}Response",
            new XElement(DataExchange + "Error_Code", errorCode),
            new XElement(DataExchange + "Error_Description", description ?? ""),
            new XElement(DataExchange + "Error_Column", column ?? ""),
            new XElement(DataExchange + "Records", records)));

    public static XElement Record(params (string Name, object? Value)[] fields) =>
        new(DataExchange + "Record", fields.Select(f => new XElement(DataExchange + f.Name, f.Value switch
        {
            decimal amount => XmlConvert.ToString(amount),
            null => "",
            var value => value.ToString(),
        })));

    /// <summary>A SOAP fault (faultcode soap:Server for "try again", soap:Client for a request the server cannot read).</summary>
    public static string Fault(string faultCode, string faultString) =>
        Write(new XElement(Envelope + "Fault",
            new XElement("faultcode", $"soap:{faultCode}"),
            new XElement("faultstring", faultString)));

    /// <summary>A response cut off mid-element, as from a dropped connection or a broken proxy.</summary>
    public static string Malformed(string operation) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"{Envelope}\"><soap:Body><{operation}Response xmlns=\"{DataExchange}\"><Error_Code>G</Er";

    /// <summary>A response that tries to read a local file through an external entity and to expand entities exponentially.</summary>
    public static string Hostile(string operation) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE soap:Envelope [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
          <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <soap:Envelope xmlns:soap="{Envelope}"><soap:Body><{operation}Response xmlns="{DataExchange}">
        <Error_Code>G</Error_Code><Error_Description>&lol3;</Error_Description><Error_Column/>
        <Records><Record><Job_Number>&xxe;</Job_Number><Job_Description>&xxe;</Job_Description></Record></Records>
        </{operation}Response></soap:Body></soap:Envelope>
        """;

    private static string Write(XElement content)
    {
        var envelope = new XElement(Envelope + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soap", Envelope),
            new XElement(Envelope + "Body", content));
        var text = new System.Text.StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            envelope.WriteTo(writer);
        }

        return text.ToString();
    }
}
