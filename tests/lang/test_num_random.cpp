// random.Random against CPython 3.11: seeding (int and str), random(),
// getrandbits, randint, randrange, choice, shuffle, sample, uniform, gauss.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <vector>

#include "lang/num/bigint.hpp"
#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/num/mt19937.hpp"
#include "lang/num/sha512.hpp"

namespace num = corolab::num;

namespace {

struct Seed {
    bool is_str;
    const char* text;
};
Seed I(const char* decimal) { return {false, decimal}; }
Seed S(const char* str) { return {true, str}; }

struct RandomCase {
    Seed seed;
    std::vector<std::string> random5;
    std::vector<int> randint10;
    std::vector<int> shuffled;
    std::vector<int> choices;
    std::vector<int> sample5, sample3, sample30;
    std::string uniform;
    std::vector<unsigned long long> bits;
    std::string bits100;
    std::vector<int> ranges;
    std::vector<std::string> gauss3;
    std::string normal, expo, tri;
    std::string huge;
};

// For each seed: what CPython 3.11 draws, in this order (see the generator comment per field).
const RandomCase kRandomCases[] = {
    {I("0"),
     {"0.8444218515250481", "0.7579544029403025", "0.420571580830845", "0.25891675029296335", "0.5112747213686085"},  // [random() for _ in range(5)]
     {7, 5, 8, 6, 10, 4, 9, 3, 5, 3},  // [randint(1, 10) for _ in range(10)]
     {3, 8, 9, 6, 5, 0, 7, 2, 4, 1},  // shuffle(list(range(10)))
     {2, 3, 2, 4, 5},  // [choice(range(7)) for _ in range(5)]
     {26, 70, 61, 56, 66},  // sample(range(100), 5)
     {4, 0, 8},  // sample(range(10), 3)
     {95, 736, 860, 408, 727, 844, 803, 684, 640, 1, 626, 505, 847, 888, 341, 249, 747, 333, 720, 891, 64, 195, 939, 581, 227, 244, 822, 990, 145, 556},  // sample(range(1000), 30)
     "2.7918782857422815",  // uniform(1, 5)
     {0ULL, 127ULL, 1374624034ULL, 8053438560ULL, 17207746803097342350ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "657708375429136130157521790466",  // getrandbits(100)
     {28, 1, 20, 7},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"0.5195149283001728", "1.7155930077509904", "-0.7876443620637978"},  // [gauss(0, 1) for _ in range(3)]
     "9.171753064094686", "0.1354533718105185", "6.464848663872047",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "1152169985290169455662199"},  // randrange(2**80)
    {I("1"),
     {"0.13436424411240122", "0.8474337369372327", "0.763774618976614", "0.2550690257394217", "0.49543508709194095"},  // [random() for _ in range(5)]
     {8, 8, 7, 4, 2, 8, 1, 7, 7, 10},  // [randint(1, 10) for _ in range(10)]
     {2, 3, 6, 9, 8, 1, 5, 4, 7, 0},  // shuffle(list(range(10)))
     {0, 0, 5, 4, 0},  // [choice(range(7)) for _ in range(5)]
     {48, 87, 27, 54, 92},  // sample(range(100), 5)
     {0, 8, 3},  // sample(range(10), 3)
     {782, 448, 961, 507, 566, 238, 353, 236, 693, 224, 779, 470, 975, 296, 948, 22, 426, 857, 938, 569, 944, 657, 102, 190, 644, 741, 880, 303, 123, 760},  // sample(range(1000), 30)
     "2.3307807414405164",  // uniform(1, 5)
     {1ULL, 124ULL, 3054545399ULL, 6445885622ULL, 7786499841757747118ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "864393915046439913707026366966",  // getrandbits(100)
     {21, 4, 23, 8},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"1.1599985603993057", "-0.19531400015273478", "0.9316962457557827"},  // [gauss(0, 1) for _ in range(3)]
     "12.332076726777473", "0.907684173226749", "3.5424591809005896",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "887642069506145177608623"},  // randrange(2**80)
    {I("42"),
     {"0.6394267984578837", "0.025010755222666936", "0.27502931836911926", "0.22321073814882275", "0.7364712141640124"},  // [random() for _ in range(5)]
     {9, 2, 10, 7, 1, 1, 2, 4, 4, 9},  // [randint(1, 10) for _ in range(10)]
     {2, 1, 8, 7, 4, 6, 5, 3, 0, 9},  // shuffle(list(range(10)))
     {4, 2, 6, 6, 0},  // [choice(range(7)) for _ in range(5)]
     {97, 20, 89, 54, 43},  // sample(range(100), 5)
     {4, 2, 3},  // sample(range(10), 3)
     {980, 781, 344, 104, 94, 389, 99, 367, 867, 352, 618, 270, 826, 44, 747, 470, 549, 127, 996, 944, 387, 80, 565, 300, 849, 643, 633, 906, 882, 370},  // sample(range(1000), 30)
     "3.309408581027048",  // uniform(1, 5)
     {1ULL, 8ULL, 196814233ULL, 2840104345ULL, 5338265626327109258ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "305449738919448168088487819852",  // getrandbits(100)
     {91, 1, 14, -2},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"-1.8148501107346746", "0.5469780077729925", "0.48877411888044253"},  // [gauss(0, 1) for _ in range(3)]
     "11.958149737041666", "0.7670551005007432", "1.4635830305645285",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "395078433791148101733844"},  // randrange(2**80)
    {I("-5"),
     {"0.6229016948897019", "0.7417869892607294", "0.7951935655656966", "0.9424502837770503", "0.7398985747399307"},  // [random() for _ in range(5)]
     {9, 1, 8, 4, 1, 3, 2, 6, 8, 4},  // [randint(1, 10) for _ in range(10)]
     {9, 2, 3, 5, 0, 7, 4, 1, 8, 6},  // shuffle(list(range(10)))
     {1, 6, 6, 3, 1},  // [choice(range(7)) for _ in range(5)]
     {97, 9, 17, 79, 56},  // sample(range(100), 5)
     {2, 9, 0},  // sample(range(10), 3)
     {995, 892, 5, 214, 792, 220, 983, 169, 893, 170, 296, 321, 984, 203, 552, 897, 694, 640, 209, 186, 963, 991, 707, 201, 989, 988, 915, 392, 305, 22},  // sample(range(1000), 30)
     "2.4447597388895366",  // uniform(1, 5)
     {0ULL, 119ULL, 625784932ULL, 1133063676ULL, 5559094176864561769ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "46438895170850027054374659460",  // getrandbits(100)
     {63, 5, 44, -1},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"-0.5254274992463847", "0.6742979855647651", "-0.21114793481161379"},  // [gauss(0, 1) for _ in range(3)]
     "9.885635703969292", "0.19730578477944563", "7.933802125906253",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "864741853220125817183470"},  // randrange(2**80)
    {I("1267650600228229401496703205376"),
     {"0.7586581712996778", "0.22562004686918613", "0.9800682106697105", "0.1302886062605253", "0.8297582356302313"},  // [random() for _ in range(5)]
     {6, 7, 3, 8, 3, 9, 6, 9, 4, 2},  // [randint(1, 10) for _ in range(10)]
     {4, 0, 6, 1, 8, 3, 9, 5, 7, 2},  // shuffle(list(range(10)))
     {6, 4, 4, 3, 3},  // [choice(range(7)) for _ in range(5)]
     {93, 64, 75, 52, 70},  // sample(range(100), 5)
     {3, 0, 7},  // sample(range(10), 3)
     {93, 601, 116, 732, 798, 135, 855, 350, 415, 158, 902, 313, 933, 407, 564, 533, 372, 389, 172, 365, 280, 906, 39, 715, 589, 997, 699, 923, 339, 647},  // sample(range(1000), 30)
     "4.920540922684587",  // uniform(1, 5)
     {0ULL, 83ULL, 2787268657ULL, 3582711690ULL, 10790476924754962901ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "317290497954088621415630556808",  // getrandbits(100)
     {77, 6, 2, -10},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"-0.9150621120069504", "2.6988235124294744", "-0.40652619620350255"},  // [gauss(0, 1) for _ in range(3)]
     "11.790461988296006", "0.5724373730137573", "4.1618263603144126",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "455201287677561717084121"},  // randrange(2**80)
    {I("12345678901234567890123"),
     {"0.15803717805068784", "0.9863365111874665", "0.13242015726274725", "0.3919360577965567", "0.7210660827324641"},  // [random() for _ in range(5)]
     {2, 10, 4, 7, 9, 5, 9, 6, 6, 10},  // [randint(1, 10) for _ in range(10)]
     {0, 6, 5, 9, 4, 7, 3, 1, 2, 8},  // shuffle(list(range(10)))
     {0, 6, 4, 2, 1},  // [choice(range(7)) for _ in range(5)]
     {14, 60, 17, 71, 64},  // sample(range(100), 5)
     {8, 5, 7},  // sample(range(10), 3)
     {698, 356, 336, 987, 411, 429, 126, 901, 773, 140, 26, 476, 502, 571, 713, 769, 703, 105, 678, 869, 511, 202, 653, 978, 54, 316, 871, 605, 188, 813},  // sample(range(1000), 30)
     "3.5263724125989415",  // uniform(1, 5)
     {1ULL, 80ULL, 3309995030ULL, 2657404371ULL, 10232310960846087061ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "520115893893864840829753227273",  // getrandbits(100)
     {21, 3, 11, 5},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"0.9740301483309561", "-1.0321086186564914", "-0.11660844550231994"},  // [gauss(0, 1) for _ in range(3)]
     "8.76211375401089", "0.7902075572440176", "1.320765985591927",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "970880463520037421997810"},  // randrange(2**80)
    {S("hello"),
     {"0.3537754404730722", "0.6631985810268619", "0.5476053663383964", "0.1308558535179697", "0.051086691965999353"},  // [random() for _ in range(5)]
     {6, 3, 3, 1, 5, 4, 9, 7, 3, 3},  // [randint(1, 10) for _ in range(10)]
     {9, 6, 3, 0, 1, 2, 4, 7, 5, 8},  // shuffle(list(range(10)))
     {2, 1, 4, 0, 3},  // [choice(range(7)) for _ in range(5)]
     {76, 26, 68, 51, 96},  // sample(range(100), 5)
     {9, 1, 2},  // sample(range(10), 3)
     {468, 164, 499, 818, 396, 27, 812, 382, 392, 585, 433, 991, 407, 498, 91, 866, 969, 401, 723, 232, 517, 189, 981, 162, 820, 198, 327, 558, 757, 858},  // sample(range(1000), 30)
     "3.5254682442114387",  // uniform(1, 5)
     {0ULL, 84ULL, 410533566ULL, 4982650735ULL, 6093325751901785973ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "1076071516584702026291753539624",  // getrandbits(100)
     {56, 1, 35, -2},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"0.030264786345220705", "-1.3659468630440565", "-0.19032671200102724"},  // [gauss(0, 1) for _ in range(3)]
     "8.834240500170578", "2.354891168863754", "9.353513471265199",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "32690047700228579290880"},  // randrange(2**80)
    {S(""),
     {"0.9602256525641875", "0.595411957851699", "0.3880117152955401", "0.7335810344878906", "0.22083284598771158"},  // [random() for _ in range(5)]
     {6, 10, 1, 10, 6, 6, 1, 8, 7, 5},  // [randint(1, 10) for _ in range(10)]
     {7, 6, 8, 1, 0, 5, 9, 4, 2, 3},  // shuffle(list(range(10)))
     {1, 1, 1, 6, 6},  // [choice(range(7)) for _ in range(5)]
     {41, 31, 50, 80, 72},  // sample(range(100), 5)
     {7, 0, 1},  // sample(range(10), 3)
     {374, 409, 478, 907, 370, 471, 161, 41, 242, 662, 260, 700, 998, 324, 418, 859, 715, 640, 781, 53, 720, 354, 217, 763, 820, 345, 762, 50, 992, 208},  // sample(range(1000), 30)
     "2.3272730714873724",  // uniform(1, 5)
     {0ULL, 21ULL, 571538230ULL, 6405641824ULL, 12340097233452577242ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "724558203740642819310521163171",  // getrandbits(100)
     {49, 0, 2, 5},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"1.6224751919484244", "-0.19789756236922418", "0.33162382500166326"},  // [gauss(0, 1) for _ in range(3)]
     "7.148696060820415", "1.7532750346123542", "4.719198264035581",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "730220034732438808625908"},  // randrange(2**80)
    {S("asyncio é"),
     {"0.1241247428042519", "0.07844684471078278", "0.5316165176949581", "0.5956256029076508", "0.8909560392600152"},  // [random() for _ in range(5)]
     {1, 1, 8, 4, 3, 2, 9, 7, 7, 1},  // [randint(1, 10) for _ in range(10)]
     {6, 4, 9, 3, 8, 7, 2, 1, 0, 5},  // shuffle(list(range(10)))
     {1, 3, 0, 6, 0},  // [choice(range(7)) for _ in range(5)]
     {78, 19, 49, 88, 69},  // sample(range(100), 5)
     {3, 7, 8},  // sample(range(10), 3)
     {62, 867, 572, 517, 896, 898, 34, 312, 343, 56, 36, 299, 601, 651, 33, 713, 434, 119, 190, 823, 634, 18, 791, 413, 169, 292, 608, 942, 176, 95},  // sample(range(1000), 30)
     "3.306641826810448",  // uniform(1, 5)
     {0ULL, 84ULL, 2745428123ULL, 2456604945ULL, 955387871733737385ULL},  // [getrandbits(k) for k in (1, 7, 32, 33, 64)]
     "490102001186213992698843265318",  // getrandbits(100)
     {56, 5, 50, 4},  // randrange(0, 100, 7), randrange(10), randrange(50, 0, -3), randrange(-10, 10)
     {"-0.5004285504876739", "0.31619192211917224", "0.0660910185050843"},  // [gauss(0, 1) for _ in range(3)]
     "9.852881234315232", "0.046639868098154146", "5.871971749744618",  // normalvariate(10, 2), expovariate(1.5), triangular(0, 10, 3)
     "379190010370436119415024"},  // randrange(2**80)
};

void seed(num::PyRandom& r, const Seed& s) {
    if (s.is_str)
        r.seed(std::string_view(s.text));
    else
        r.seed(*num::BigInt::parse(s.text, 10));
}

#ifdef __EMSCRIPTEN__
#define CHECK_LIBM(value, text) CHECK((value) == Approx(std::stod(text)).epsilon(4e-16))
#else
#define CHECK_LIBM(value, text) CHECK(num::float_repr(value) == (text))
#endif

std::vector<int> as_ints(const std::vector<std::size_t>& v) { return std::vector<int>(v.begin(), v.end()); }

}  // namespace

TEST_CASE("PyRandom draws CPython's sequences", "[num][random]") {
    for (const auto& c : kRandomCases) {
        INFO("seed " << (c.seed.is_str ? "str " : "int ") << c.seed.text);
        num::PyRandom r;
        seed(r, c.seed);
        for (const auto& x : c.random5) CHECK(num::float_repr(r.random()) == x);
        for (int x : c.randint10) {
            int64_t v = 0;
            CHECK_FALSE(r.randint(1, 10, v));
            CHECK(v == x);
        }
        std::vector<int> list = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        r.shuffle(std::span<int>(list));
        CHECK(list == c.shuffled);
        for (int x : c.choices) {
            std::size_t i = 0;
            CHECK_FALSE(r.choice_index(7, i));
            CHECK(static_cast<int>(i) == x);
        }
        std::vector<std::size_t> picked;
        CHECK_FALSE(r.sample_indices(100, 5, picked));
        CHECK(as_ints(picked) == c.sample5);
        CHECK_FALSE(r.sample_indices(10, 3, picked));
        CHECK(as_ints(picked) == c.sample3);
        CHECK_FALSE(r.sample_indices(1000, 30, picked));
        CHECK(as_ints(picked) == c.sample30);
        CHECK(num::float_repr(r.uniform(1, 5)) == c.uniform);
        const int ks[] = {1, 7, 32, 33, 64};
        for (std::size_t i = 0; i < 5; ++i) CHECK(r.getrandbits64(ks[i]) == c.bits[i]);
        CHECK(r.getrandbits(100).to_string() == c.bits100);
        int64_t v = 0;
        CHECK_FALSE(r.randrange(0, 100, 7, v));
        CHECK(v == c.ranges[0]);
        CHECK_FALSE(r.randrange(10, v));
        CHECK(v == c.ranges[1]);
        CHECK_FALSE(r.randrange(50, 0, -3, v));
        CHECK(v == c.ranges[2]);
        CHECK_FALSE(r.randrange(-10, 10, 1, v));
        CHECK(v == c.ranges[3]);
        // These go through libm (log, sin, cos, sqrt): exact against glibc
        // (CPython's platform here); musl in Wasm may differ in the last bit.
        for (const auto& g : c.gauss3) CHECK_LIBM(r.gauss(0, 1), g);
        CHECK_LIBM(r.normalvariate(10, 2), c.normal);
        CHECK_LIBM(r.expovariate(1.5), c.expo);
        CHECK_LIBM(r.triangular(0, 10, true, 3), c.tri);
        num::BigInt huge;
        CHECK_FALSE(r.randrange(num::BigInt(0), num::pow(num::BigInt(2), 80), num::BigInt(1), huge));
        CHECK(huge.to_string() == c.huge);
    }
}

TEST_CASE("choices with and without weights", "[num][random]") {
    num::PyRandom r;
    r.seed(num::BigInt(7));
    const double cum[] = {1, 3, 6, 10};  // accumulate([1, 2, 3, 4])
    std::string got;
    for (int i = 0; i < 10; ++i) got.push_back(static_cast<char>('a' + r.choices_weighted_index(cum)));
    // random.Random(7).choices(['a','b','c','d'], weights=[1,2,3,4], k=10)
    CHECK(got == "cbdaccacac");
    std::vector<int> plain;
    for (int i = 0; i < 6; ++i) plain.push_back(static_cast<int>(r.choices_index(5)));
    // then .choices(range(5), k=6)
    CHECK(plain == std::vector<int>{0, 0, 2, 4, 0, 1});
    const double cum2[] = {0.5, 3.25};
    got.clear();
    for (int i = 0; i < 5; ++i) got.push_back(static_cast<char>('x' + r.choices_weighted_index(cum2)));
    // then .choices(['x','y'], cum_weights=[0.5, 3.25], k=5)
    CHECK(got == "yyyyy");
}

TEST_CASE("float seeds go through hash()", "[num][random]") {
    num::PyRandom r;
    // random.seed(-1.5); random.random()  and  random.seed(1.5); random.random()
    r.seed(num::BigInt::from_uint64(static_cast<uint64_t>(num::hash_double(-1.5))));
    CHECK(num::float_repr(r.random()) == "0.7101153317194698");
    r.seed(num::BigInt::from_uint64(static_cast<uint64_t>(num::hash_double(1.5))));
    CHECK(num::float_repr(r.random()) == "0.551763726942059");
}

TEST_CASE("PyRandom errors match CPython", "[num][random]") {
    num::PyRandom r;
    int64_t v = 0;
    // random.randrange(1, 1), randrange(5, 1), randrange(0), randrange(0, 10, 0), randrange(0, -10, 2)
    CHECK(r.randrange(1, 1, 1, v).message == "empty range for randrange() (1, 1, 0)");
    CHECK(r.randrange(5, 1, 1, v).message == "empty range for randrange() (5, 1, -4)");
    CHECK(r.randrange(0, v).message == "empty range for randrange()");
    CHECK(r.randrange(0, 10, 0, v).message == "zero step for randrange()");
    CHECK(r.randrange(0, -10, 2, v).message == "empty range for randrange()");
    CHECK(r.randint(3, 2, v).kind == num::ErrorKind::ValueError);
    std::size_t i = 0;
    auto err = r.choice_index(0, i);
    CHECK(err.kind == num::ErrorKind::IndexError);
    CHECK(err.message == "Cannot choose from an empty sequence");
    std::vector<std::size_t> picked;
    CHECK(r.sample_indices(3, 5, picked).message == "Sample larger than population or is negative");
}

TEST_CASE("sha512 digests", "[num][random]") {
    auto hex = [](const std::array<uint8_t, 64>& d) {
        std::string s;
        const char* h = "0123456789abcdef";
        for (uint8_t b : d) {
            s.push_back(h[b >> 4]);
            s.push_back(h[b & 15]);
        }
        return s;
    };
    // hashlib.sha512(b'').hexdigest(), (b'abc'), (b'a' * 200)
    CHECK(hex(num::sha512("")) ==
          "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    CHECK(hex(num::sha512("abc")) ==
          "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    CHECK(hex(num::sha512(std::string(200, 'a'))) ==
          "4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789f31e7668394592da7bef827cddca88c4e6f86e4df7ed1ae6cba71f3e98faee9f");
    // 112 bytes: the padding needs a second block (hashlib.sha512(b'a' * 112))
    CHECK(hex(num::sha512(std::string(112, 'a'))) ==
          "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca");
}
