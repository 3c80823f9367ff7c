// dict: insertion-ordered open-addressing hash table, and its methods.
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

// Equality of keys with equal hashes: identity and the common key types
// without calling into Python; user __eq__ otherwise.
int keys_equal(const Value& a, const Value& b) {
    if (a.tag == Tag::Obj && b.tag == Tag::Obj) {
        if (a.o == b.o) return 1;
        if (is_kind(a, Kind::Str) && is_kind(b, Kind::Str)) return as_str(a)->s == as_str(b)->s;
    }
    if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i == b.i;
    return equals(a, b);
}

// hash_of with int keys (the commonest after str) hashed inline.
inline bool key_hash(const Value& key, std::int64_t& h) {
    if (key.tag == Tag::Int) {
        h = num::hash_int64(key.i);
        return true;
    }
    return hash_of(key, h);
}

void rebuild(DictObj* d, std::size_t min_capacity) {
    // compact entries (drop deleted) and rebuild the index
    if (d->used != d->entries.size()) {
        std::size_t w = 0;
        for (std::size_t r = 0; r < d->entries.size(); ++r)
            if (!d->entries[r].key.is_null()) {
                if (w != r) d->entries[w] = std::move(d->entries[r]);
                ++w;
            }
        d->entries.resize(w);
    }
    std::size_t cap = 8;
    while (cap < min_capacity * 3 / 2 + 1) cap <<= 1;
    d->index.assign(cap, -1);
    std::size_t mask = cap - 1;
    for (std::size_t i = 0; i < d->entries.size(); ++i) {
        std::size_t p = static_cast<std::size_t>(d->entries[i].hash) & mask;
        while (d->index[p] != -1) p = (p + 1) & mask;
        d->index[p] = static_cast<std::int32_t>(i);
    }
}

// Finds the index slot for key; returns entry position or -1 (slot = where to insert).
std::int64_t find(DictObj* d, const Value& key, std::int64_t h, std::size_t& slot, bool& err) {
    err = false;
    if (d->index.empty()) { slot = 0; return -1; }
    std::size_t mask = d->index.size() - 1;
    std::size_t p = static_cast<std::size_t>(h) & mask;
    std::int64_t first_free = -1;
    while (true) {
        std::int32_t e = d->index[p];
        if (e == -1) {
            slot = first_free >= 0 ? static_cast<std::size_t>(first_free) : p;
            return -1;
        }
        auto& ent = d->entries[e];
        if (ent.key.is_null()) {
            if (first_free < 0) first_free = static_cast<std::int64_t>(p);
        } else if (ent.hash == h) {
            if (key.tag == Tag::Int && ent.key.tag == Tag::Int) {  // keys_equal's int case, inline
                if (ent.key.i == key.i) { slot = p; return e; }
                p = (p + 1) & mask;
                continue;
            }
            int eq = keys_equal(ent.key, key);
            if (eq < 0) { err = true; return -1; }
            if (eq) { slot = p; return e; }
        }
        p = (p + 1) & mask;
    }
}

}  // namespace

std::int64_t str_hash(const StrObj* s) {
    if (s->hash != -1) return s->hash;
    // FNV-1a, kept away from -1 (CPython randomizes str hashes anyway).
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s->s) { h ^= c; h *= 1099511628211ull; }
    std::int64_t r = static_cast<std::int64_t>(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

Value dict_get(DictObj* d, const Value& key) {
    std::int64_t h;
    if (!key_hash(key, h)) return Value();
    std::size_t slot;
    bool err;
    std::int64_t e = find(d, key, h, slot, err);
    if (e < 0) return Value();
    return d->entries[e].value;
}

std::int32_t dict_find_str(DictObj* d, StrObj* key) {
    if (d->index.empty()) return -1;
    std::int64_t h = str_hash(key);
    std::size_t mask = d->index.size() - 1;
    std::size_t p = static_cast<std::size_t>(h) & mask;
    while (true) {
        std::int32_t e = d->index[p];
        if (e == -1) return -1;
        auto& ent = d->entries[e];
        if (ent.hash == h && ent.key.tag == Tag::Obj &&
            (ent.key.o == key || (is_kind(ent.key, Kind::Str) && as_str(ent.key)->s == key->s)))
            return e;
        p = (p + 1) & mask;
    }
}

Value dict_get_str(DictObj* d, StrObj* key) {
    std::int32_t e = dict_find_str(d, key);
    return e < 0 ? Value() : d->entries[e].value;
}

bool dict_set(DictObj* d, const Value& key, const Value& value) {
    std::int64_t h;
    if (!key_hash(key, h)) return false;
    if (d->index.empty() || (d->entries.size() + 1) * 3 > d->index.size() * 2)
        rebuild(d, d->used + 1);
    std::size_t slot;
    bool err;
    std::int64_t e = find(d, key, h, slot, err);
    if (err) return false;
    if (e >= 0) {
        d->entries[e].value = value;
        return true;
    }
    d->index[slot] = static_cast<std::int32_t>(d->entries.size());
    d->entries.push_back({h, key, value});
    ++d->used;
    ++d->keys_version;
    return true;
}

void dict_set_str(DictObj* d, std::string_view key, const Value& value) {
    dict_set(d, Value(rt().intern(key)), value);
}

int dict_del(DictObj* d, const Value& key) {
    std::int64_t h;
    if (!hash_of(key, h)) return -1;
    std::size_t slot;
    bool err;
    std::int64_t e = find(d, key, h, slot, err);
    if (err) return -1;
    if (e < 0) return 0;
    d->entries[e].key = Value();
    d->entries[e].value = Value();
    --d->used;
    ++d->keys_version;
    // entry stays as a hole (index still points to it) so probing works
    if (d->used == 0) { d->entries.clear(); d->index.assign(d->index.size(), -1); }
    return 1;
}

// ---- set -------------------------------------------------------------------------
// CPython's iteration order of a set is its hash table's slot order. For
// numeric keys (whose hashes CPython fixes) it is reproduced by replaying
// the insertions into a table grown as setobject.c grows it; other keys
// (str hashes are randomized in CPython) keep insertion order.
std::vector<Value> set_items_ordered(SetObj* s) {
    std::vector<Value> keys;
    bool numeric = true;
    for (auto& e : s->table->entries) {
        if (e.key.is_null()) continue;
        keys.push_back(e.key);
        if (!(e.key.tag == Tag::Int || e.key.tag == Tag::Bool || e.key.tag == Tag::Float || is_kind(e.key, Kind::BigInt)))
            numeric = false;
    }
    if (!numeric || keys.size() < 2) return keys;
    struct Slot { std::uint64_t hash; int key = -1; };
    std::vector<Slot> table(8);
    std::size_t fill = 0;
    auto insert_clean = [](std::vector<Slot>& t, std::uint64_t h, int key) {
        std::size_t mask = t.size() - 1, i = h & mask;
        std::uint64_t perturb = h;
        while (true) {
            if (t[i].key < 0) break;
            bool found = false;
            if (i + 9 <= mask)
                for (int j = 1; j <= 9; ++j)
                    if (t[i + j].key < 0) { i += j; found = true; break; }
            if (found) break;
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
        t[i].hash = h;
        t[i].key = key;
    };
    for (std::size_t k = 0; k < keys.size(); ++k) {
        std::int64_t hv;
        hash_of(keys[k], hv);
        insert_clean(table, static_cast<std::uint64_t>(hv), static_cast<int>(k));
        ++fill;
        std::size_t mask = table.size() - 1;
        if (fill * 5 >= mask * 3) {
            std::size_t used = fill;
            std::size_t minused = used > 50000 ? used * 2 : used * 4;
            std::size_t newsize = 8;
            while (newsize <= minused) newsize <<= 1;
            std::vector<Slot> bigger(newsize);
            for (auto& sl : table)
                if (sl.key >= 0) insert_clean(bigger, sl.hash, sl.key);
            table = std::move(bigger);
        }
    }
    std::vector<Value> out;
    out.reserve(keys.size());
    for (auto& sl : table)
        if (sl.key >= 0) out.push_back(keys[sl.key]);
    return out;
}

bool set_add(SetObj* s, const Value& v) { return dict_set(s->table, v, Value::none()); }
int set_contains(SetObj* s, const Value& v) {
    Value r = dict_get(s->table, v);
    if (has_exc()) return -1;
    return r.is_null() ? 0 : 1;
}

}  // namespace corolab::lang
