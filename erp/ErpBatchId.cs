using System.Security.Cryptography;
using System.Text;

namespace BudgetActors.Erp;

/// <summary>
/// The batch GUID an export goes to the ERP under, derived from its idempotency key: every retry of an
/// export, from any silo, carries the same GUID, so the ERP can recognise a posting it already applied.
/// </summary>
public static class ErpBatchId
{
    public static Guid For(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("budgetactors-export:" + idempotencyKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: a name-derived, custom GUID
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122/9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
