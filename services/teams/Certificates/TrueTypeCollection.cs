using System.Buffers.Binary;

namespace Dispatch.Teams.Certificates;

/// <summary>
/// PDFsharp reads single TrueType fonts, not collections (a .ttc holds several faces sharing tables). This copies
/// one face out of a collection as a font file of its own: its table directory, then each table it points at, with
/// the offsets rewritten (OpenType spec, "Font Collections" and "Table Directory").
/// </summary>
internal static class TrueTypeCollection
{
    private const uint CollectionTag = 0x74746366; // "ttcf"
    private const int DirectoryHeaderLength = 12;
    private const int TableRecordLength = 16;

    /// <summary>Face <paramref name="index"/> of a collection as a .ttf; a file that is not a collection comes back as it is.</summary>
    public static byte[] Face(byte[] file, int index)
    {
        if (file.Length < DirectoryHeaderLength || BinaryPrimitives.ReadUInt32BigEndian(file) != CollectionTag)
            return file;
        var faces = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(8));
        if (index < 0 || index >= faces)
            throw new ArgumentOutOfRangeException(nameof(index), $"The collection has {faces} faces; there is no face {index}.");
        var directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * index)));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(directory + 4));
        var headerLength = DirectoryHeaderLength + TableRecordLength * tables;

        var records = new (int Offset, int Length)[tables];
        var size = headerLength;
        for (var i = 0; i < tables; i++)
        {
            var record = file.AsSpan(directory + DirectoryHeaderLength + TableRecordLength * i);
            records[i] = (checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])), checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
            size += Padded(records[i].Length);
        }

        var face = new byte[size];
        file.AsSpan(directory, headerLength).CopyTo(face);
        var offset = headerLength;
        for (var i = 0; i < tables; i++)
        {
            file.AsSpan(records[i].Offset, records[i].Length).CopyTo(face.AsSpan(offset));
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(DirectoryHeaderLength + TableRecordLength * i + 8), (uint)offset);
            offset += Padded(records[i].Length);
        }
        return face;
    }

    // Tables start on four-byte boundaries.
    private static int Padded(int length) => (length + 3) & ~3;
}
