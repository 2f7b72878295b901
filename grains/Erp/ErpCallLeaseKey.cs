using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BudgetActors.Grains.Erp;

/// <summary>What names an ERP company's lease: in memory, and as a PostgreSQL advisory lock key.</summary>
internal static class ErpCallLeaseKey
{
    /// <summary>
    /// Gateway keys are parsed without regard to case (<c>Spectrum:001</c> reaches the same company as
    /// <c>spectrum:001</c>) but grain keys are compared with it, so two spellings are two activations: the lease
    /// must treat them as one company. At worst two codes differing only in case are serialised together.
    /// </summary>
    public static string Normalize(string erpCompanyKey) => erpCompanyKey.ToLowerInvariant();

    /// <summary>
    /// The 64-bit advisory lock key of a company within a service: the first 8 bytes (big-endian) of SHA-256 over
    /// UTF-8, so every silo computes the same key whatever its process or .NET version (string.GetHashCode is
    /// randomised per process). The service id is part of it so services sharing a database keep apart; the
    /// purpose prefix keeps it apart from the project's other advisory locks; the lengths keep
    /// ("a:b", "c") apart from ("a", "b:c").
    /// </summary>
    /// <remarks>
    /// Never change this derivation: during a rolling upgrade, silos deriving different keys for one company
    /// would both hold "the" lease and call the ERP at the same time. A collision only serialises two companies.
    /// </remarks>
    public static long ForAdvisoryLock(string serviceId, string erpCompanyKey)
    {
        var company = Normalize(erpCompanyKey);
        var text = $"budgetactors/erp-call-lease/{serviceId.Length}:{serviceId}/{company.Length}:{company}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
