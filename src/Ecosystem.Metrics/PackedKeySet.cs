using System.Numerics;

namespace Ecosystem.Metrics;

/// <summary>An insert-only set of 64-bit keys with open addressing and linear probing, for counting distinct
/// packed n-grams.</summary>
/// <remarks>HashSet&lt;ulong&gt; hashes a key as its two 32-bit halves XORed, which collides heavily for packed
/// n-grams (the halves are themselves n-grams); here keys are scrambled with the MurmurHash3 64-bit finaliser
/// (Appleby 2011) before probing. Only the count is exposed, so the table layout never affects results.</remarks>
internal sealed class PackedKeySet
{
    // Slot value meaning "empty"; the key that equals it is tracked apart.
    private const ulong Empty = 0;

    // Tables up to this many slots (4 MiB) are kept by their thread for the next count: every tick measures a few
    // hundred thousand n-grams several times over, and a fresh table each time is a large-object allocation that
    // brings on full collections.
    private const int KeptSlots = 1 << 19;

    [ThreadStatic]
    private static PackedKeySet? t_kept;

    private ulong[] _slots;
    private int _mask;
    private bool _hasEmptyKey;
    private int _used;

    public PackedKeySet(long expectedKeys)
    {
        _slots = new ulong[Capacity(expectedKeys)];
        _mask = _slots.Length - 1;
    }

    /// <summary>An empty set for about <paramref name="expectedKeys"/> keys: the one this thread kept, when its size
    /// fits; give it back with <see cref="Return"/>.</summary>
    public static PackedKeySet Rent(long expectedKeys)
    {
        var kept = t_kept;
        var capacity = Capacity(expectedKeys);
        // A small count gets a small table: emptying a large one would cost more than allocating.
        if (kept is null || kept._slots.Length < capacity || kept._slots.Length > 4 * capacity)
        {
            return new PackedKeySet(expectedKeys);
        }

        t_kept = null;
        return kept;
    }

    /// <summary>Keeps <paramref name="set"/>, emptied, for this thread's next <see cref="Rent"/> if it is small enough
    /// to hold on to.</summary>
    public static void Return(PackedKeySet set)
    {
        if (set._slots.Length > KeptSlots)
        {
            return;
        }

        Array.Clear(set._slots);
        set._used = 0;
        set._hasEmptyKey = false;
        if (t_kept is null || t_kept._slots.Length < set._slots.Length)
        {
            t_kept = set;
        }
    }

    // At most half full; capped so that a huge estimate does not allocate a huge table up front.
    private static int Capacity(long expectedKeys) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expectedKeys * 2, 16, 1 << 23));

    /// <summary>Number of distinct keys added.</summary>
    public long Count => _used + (_hasEmptyKey ? 1 : 0);

    public void Add(ulong key)
    {
        if (key == Empty)
        {
            _hasEmptyKey = true;
            return;
        }

        var i = (int)Mix(key) & _mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == key)
            {
                return;
            }

            if (slot == Empty)
            {
                _slots[i] = key;
                if (++_used * 2 > _slots.Length)
                {
                    Grow();
                }

                return;
            }

            i = (i + 1) & _mask;
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var key in old)
        {
            if (key == Empty)
            {
                continue;
            }

            var i = (int)Mix(key) & _mask;
            while (_slots[i] != Empty)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = key;
        }
    }
}
