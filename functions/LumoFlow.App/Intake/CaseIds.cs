using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.App.Intake;

/// <summary>
/// Case ids double as the case reference in emails: 16 characters of Crockford base32 (80 bits),
/// no vowels that could spell words, no 0/O or 1/I confusion.
/// </summary>
public static class CaseIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => Encode(RandomNumberGenerator.GetBytes(10));

    /// <summary>
    /// The id a submission with this Idempotency-Key gets: a retry computes the same id, and creating the case
    /// a second time fails atomically — so idempotency costs no extra storage round trip.
    /// </summary>
    public static string FromIdempotencyKey(string key) =>
        Encode(SHA256.HashData(Encoding.UTF8.GetBytes("idempotency-key:" + key))[..10]);

    public static bool IsWellFormed(string id) => id.Length == 16 && id.All(c => Alphabet.Contains(c));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var output = new StringBuilder(bytes.Length * 8 / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return output.ToString();
    }
}
