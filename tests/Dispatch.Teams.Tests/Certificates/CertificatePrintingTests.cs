using System.Buffers.Binary;
using Dispatch.Teams.Certificates;
using Dispatch.Teams.Domain;
using Xunit;

namespace Dispatch.Teams.Tests.Certificates;

/// <summary>The pieces of a printed certificate: its code, the font face taken out of a collection, and a missing font.</summary>
public sealed class CertificatePrintingTests
{
    private const string ZenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    [Fact]
    public void Codes_are_three_groups_of_four_unambiguous_characters_and_typed_ones_are_read_back()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => VerificationCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("7KQ2-M9XD-4HTR", VerificationCode.Normalise("7kq2m9xd 4htr"));
        Assert.Null(VerificationCode.Normalise("7KQ2-M9XD-4HTU")); // U is not in the alphabet
        Assert.Null(VerificationCode.Normalise("7KQ2-M9XD"));
        Assert.Null(VerificationCode.Normalise("7KQ2-M9XD-4HTR\0"));
    }

    [Fact]
    public void A_face_taken_out_of_the_collection_is_a_font_file_whose_tables_are_where_its_directory_says()
    {
        var collection = File.ReadAllBytes(ZenHei);

        var face = TrueTypeCollection.Face(collection, 0);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(face)); // a TrueType font, not a collection
        var tables = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        var faceDirectory = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(12));
        for (var i = 0; i < tables; i++)
        {
            var record = face.AsSpan(12 + 16 * i);
            var original = collection.AsSpan(faceDirectory + 12 + 16 * i);
            var (offset, length) = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            var before = (int)BinaryPrimitives.ReadUInt32BigEndian(original[8..]);
            Assert.Equal(0, offset % 4);
            Assert.True(face.AsSpan(offset, length).SequenceEqual(collection.AsSpan(before, length)), $"table {i} is copied whole");
        }
        Assert.Same(face, TrueTypeCollection.Face(face, 0)); // a single font comes back as it is
        Assert.Throws<ArgumentOutOfRangeException>(() => TrueTypeCollection.Face(collection, 3));
    }

    [Fact]
    public void Without_its_font_a_certificate_says_which_font_is_missing_and_how_to_get_it()
    {
        var pdf = new CertificatePdf(new CertificateOptions { FontPath = "/nonexistent/zenhei.ttc" });

        var missing = Assert.Throws<CertificateFontMissingException>(() => pdf.Render(new Certificate { Code = "7KQ2-M9XD-4HTR" }));

        Assert.Contains("/nonexistent/zenhei.ttc", missing.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-zenhei", missing.Message, StringComparison.Ordinal);
    }
}
