namespace CompeteModel.Engine.Ingest.Micro;

public static partial class MicroDataReader
{
    /// <summary>
    /// The fields of a Parquet page header (parquet.thrift <c>PageHeader</c>, Thrift compact protocol) that
    /// <see cref="TextPages"/> needs; other fields (statistics, CRC, index pages) are skipped. Parquet.Net keeps its
    /// Thrift reader internal, hence this small one.
    /// </summary>
    private struct PageHeader
    {
        public const int DataPage = 0, DictionaryPage = 2, DataPageV2 = 3;

        public int Type, UncompressedSize, CompressedSize;

        /// <summary>Values in the page (nulls included), its encoding and that of its definition levels (v1 only).</summary>
        public int NumValues, Encoding, DefinitionEncoding;

        /// <summary>Data page v2 only: byte lengths of the (never compressed) levels, and whether the values are compressed.</summary>
        public int DefinitionBytes, RepetitionBytes;
        public bool IsCompressed;

        /// <summary>Reads a header at the start of <paramref name="src"/>; returns its length in bytes.</summary>
        public static int Read(ReadOnlySpan<byte> src, out PageHeader h)
        {
            h = new PageHeader { IsCompressed = true, Type = -1 };
            var r = new ThriftCompact(src);
            short id = 0;
            while (r.NextField(ref id, out var type))
            {
                switch (id)
                {
                    case 1 when type == ThriftCompact.I32: h.Type = r.Int(); break;
                    case 2 when type == ThriftCompact.I32: h.UncompressedSize = r.Int(); break;
                    case 3 when type == ThriftCompact.I32: h.CompressedSize = r.Int(); break;
                    case 5 when type == ThriftCompact.Struct: ReadDataHeader(ref r, ref h); break;
                    case 7 when type == ThriftCompact.Struct: ReadDictionaryHeader(ref r, ref h); break;
                    case 8 when type == ThriftCompact.Struct: ReadDataHeaderV2(ref r, ref h); break;
                    default: r.Skip(type); break;
                }
            }
            if (h.Type < 0 || h.CompressedSize < 0 || h.UncompressedSize < 0) throw new InvalidDataException("page header without type or sizes");
            return r.Position;
        }

        private static void ReadDataHeader(ref ThriftCompact r, ref PageHeader h)
        {
            short id = 0;
            while (r.NextField(ref id, out var type))
            {
                switch (id)
                {
                    case 1 when type == ThriftCompact.I32: h.NumValues = r.Int(); break;
                    case 2 when type == ThriftCompact.I32: h.Encoding = r.Int(); break;
                    case 3 when type == ThriftCompact.I32: h.DefinitionEncoding = r.Int(); break;
                    default: r.Skip(type); break;
                }
            }
        }

        private static void ReadDictionaryHeader(ref ThriftCompact r, ref PageHeader h)
        {
            short id = 0;
            while (r.NextField(ref id, out var type))
            {
                switch (id)
                {
                    case 1 when type == ThriftCompact.I32: h.NumValues = r.Int(); break;
                    case 2 when type == ThriftCompact.I32: h.Encoding = r.Int(); break;
                    default: r.Skip(type); break;
                }
            }
        }

        private static void ReadDataHeaderV2(ref ThriftCompact r, ref PageHeader h)
        {
            short id = 0;
            while (r.NextField(ref id, out var type))
            {
                switch (id)
                {
                    case 1 when type == ThriftCompact.I32: h.NumValues = r.Int(); break;
                    case 4 when type == ThriftCompact.I32: h.Encoding = r.Int(); break;
                    case 5 when type == ThriftCompact.I32: h.DefinitionBytes = r.Int(); break;
                    case 6 when type == ThriftCompact.I32: h.RepetitionBytes = r.Int(); break;
                    case 7 when type is ThriftCompact.True or ThriftCompact.False: h.IsCompressed = type == ThriftCompact.True; break;
                    default: r.Skip(type); break;
                }
            }
        }
    }

    /// <summary>A reader of the Thrift compact protocol over a byte span (only what page headers use, and skipping of the rest).</summary>
    private ref struct ThriftCompact(ReadOnlySpan<byte> src)
    {
        public const int True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

        private readonly ReadOnlySpan<byte> _src = src;

        public int Position { get; private set; }

        /// <summary>The next field's id and type; false at the end of the struct.</summary>
        public bool NextField(ref short id, out int type)
        {
            byte b = ReadByte();
            type = b & 0x0F;
            if (type == 0) return false;
            int delta = b >> 4;
            id = delta != 0 ? (short)(id + delta) : (short)ZigZag(Varint());
            return true;
        }

        public int Int() => (int)ZigZag(Varint());

        public void Skip(int type)
        {
            switch (type)
            {
                case True or False: break;
                case Byte: ReadByte(); break;
                case I16 or I32 or I64: Varint(); break;
                case Double: Advance(8); break;
                case Binary: Advance(checked((int)Varint())); break;
                case List or Set:
                    {
                        byte h = ReadByte();
                        long n = h >> 4;
                        if (n == 15) n = (long)Varint();
                        int elem = h & 0x0F;
                        for (long i = 0; i < n; i++)
                            if (elem is True or False) ReadByte(); // booleans in a collection take one byte each
                            else Skip(elem);
                        break;
                    }
                case Map:
                    {
                        long n = (long)Varint();
                        if (n == 0) break;
                        byte kv = ReadByte();
                        for (long i = 0; i < n; i++)
                        {
                            SkipElement(kv >> 4);
                            SkipElement(kv & 0x0F);
                        }
                        break;
                    }
                case Struct:
                    {
                        short inner = 0;
                        while (NextField(ref inner, out var t)) Skip(t);
                        break;
                    }
                default: throw new InvalidDataException($"unknown Thrift type {type}");
            }
        }

        private void SkipElement(int type)
        {
            if (type is True or False) ReadByte();
            else Skip(type);
        }

        private byte ReadByte()
        {
            if (Position >= _src.Length) throw new InvalidDataException("page header runs past the column chunk");
            return _src[Position++];
        }

        private void Advance(int n)
        {
            if (n < 0 || Position + n > _src.Length) throw new InvalidDataException("page header runs past the column chunk");
            Position += n;
        }

        private ulong Varint()
        {
            ulong v = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = ReadByte();
                v |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new InvalidDataException("malformed Thrift varint");
        }

        private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
    }
}
