namespace BudgetActors.Erp;

/// <summary>The <see cref="ErpException"/>s the connectors raise, so both map faults the same way.</summary>
internal static class ErpFaults
{
    /// <summary>A fault that may go away: network, timeout, 5xx, rate limit, an outage.</summary>
    public static ErpException Transient(string code, string text, Exception? inner = null) =>
        new(new ErpError(code, text, null), isTransient: true, inner);

    /// <summary>A refusal the ERP would repeat: retrying the same request cannot help.</summary>
    public static ErpException Refused(string code, string text, string? column) =>
        new(new ErpError(code, text, column), isTransient: false);

    /// <summary>
    /// An answer that could not be read (malformed, or hostile such as XML with a DTD). Permanent: the same
    /// server would answer the same way, and an export's outcome is then unknown, so a person should look
    /// (retrying it later is safe: exports are idempotent).
    /// </summary>
    public static ErpException Unreadable(ErpSystem system, string reason, Exception? inner = null) =>
        new(new ErpError("Unreadable", $"{system}'s answer could not be read: {reason}", null), isTransient: false, inner);

    public static ErpException NotConfigured(ErpSystem system, string company) =>
        new(new ErpError("A", $"{system} company {company} is not configured on this silo", "Company"), isTransient: false);
}
