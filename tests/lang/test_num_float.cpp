// Float repr, arithmetic, round(), float(str) and hash against CPython 3.11.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"

namespace num = corolab::num;

namespace {

// std::bit_cast is missing from Emscripten 3.1.6's libc++.
double from_bits(uint64_t b) {
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}
uint64_t to_bits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

struct ReprRow {
    uint64_t bits;
    const char* repr;
};
struct DivRow {
    uint64_t a, b, quot, rem;
};
struct PowRow {
    uint64_t a, b, result;
    int error;  // 0 none, 1 ZeroDivisionError, 2 complex, 3 OverflowError
};
struct RoundRow {
    uint64_t x;
    int ndigits;
    uint64_t result;
    bool overflow;
};
struct ParseRow {
    const char* text;
    uint64_t bits;
    bool ok;
};
struct HashRow {
    uint64_t x;
    long long hash;
};

// rows: bits of x, repr(x)  (CPython 3.11)
const ReprRow kReprRows[] = {
    {0x3fb999999999999aULL, "0.1"},
    {0x3fc999999999999aULL, "0.2"},
    {0x3fd3333333333334ULL, "0.30000000000000004"},
    {0x3ff0000000000000ULL, "1.0"},
    {0x4059000000000000ULL, "100.0"},
    {0x4341c37937e08000ULL, "1e+16"},
    {0x430c6bf526340000ULL, "1000000000000000.0"},
    {0x4341c37937e07fffULL, "9999999999999998.0"},
    {0x43118b54f22aeb00ULL, "1234567890123456.0"},
    {0x4345ee2a2eb5a5c4ULL, "1.2345678901234568e+16"},
    {0x3f1a36e2eb1c432dULL, "0.0001"},
    {0x3ee4f8b588e368f1ULL, "1e-05"},
    {0x3f202c9dedbc309dULL, "0.0001234"},
    {0x3ee9e0fcaf9380fcULL, "1.234e-05"},
    {0x4480f0cf064dd592ULL, "1e+22"},
    {0x44b52d02c7e14af6ULL, "1e+23"},
    {0x0000000000000001ULL, "5e-324"},
    {0x0010000000000000ULL, "2.2250738585072014e-308"},
    {0x7fefffffffffffffULL, "1.7976931348623157e+308"},
    {0x0000000000000003ULL, "1.5e-323"},
    {0x3fd5555555555555ULL, "0.3333333333333333"},
    {0x3fe5555555555555ULL, "0.6666666666666666"},
    {0x405edd2f1a9fbe77ULL, "123.456"},
    {0x8000000000000000ULL, "-0.0"},
    {0xbff8000000000000ULL, "-1.5"},
    {0x43e0000000000000ULL, "9.223372036854776e+18"},
    {0x3eb0000000000000ULL, "9.5367431640625e-07"},
    {0x4340000000000000ULL, "9007199254740992.0"},
    {0x4011666666666666ULL, "4.35"},
    {0x3fd3333333333333ULL, "0.3"},
    {0x54b249ad2594c37dULL, "1e+100"},
    {0x7e41eb2d66005835ULL, "1.5e+300"},
    {0x4004000000000000ULL, "2.5"},
    {0x3e7ad7f29abcaf48ULL, "1e-07"},
    {0x419d6f3454000000ULL, "123456789.0"},
    {0x3fe0000000000000ULL, "0.5"},
    {0x4008000000000001ULL, "3.0000000000000004"},
    {0x41b1de784a000000ULL, "299792458.0"},
    {0x44dfe185ca57c517ULL, "6.02214076e+23"},
    {0x0000000000000001ULL, "5e-324"},
    {0x0000002000000000ULL, "6.7903865311e-313"},
    {0x0170000000000000ULL, "9.332636185032189e-302"},
    {0x03c0000000000000ULL, "1.2826677504057426e-290"},
    {0x0610000000000000ULL, "1.7628851326804976e-279"},
    {0x0860000000000000ULL, "2.4228908772695546e-268"},
    {0x0ab0000000000000ULL, "3.329995865487836e-257"},
    {0x0d00000000000000ULL, "4.5767114681873503e-246"},
    {0x0f50000000000000ULL, "6.290184345309701e-235"},
    {0x11a0000000000000ULL, "8.645163535653227e-224"},
    {0x13f0000000000000ULL, "1.188182228934475e-212"},
    {0x1640000000000000ULL, "1.6330252207878255e-201"},
    {0x1890000000000000ULL, "2.2444127733846047e-190"},
    {0x1ae0000000000000ULL, "3.084697427331692e-179"},
    {0x1d30000000000000ULL, "4.239575861902385e-168"},
    {0x1f80000000000000ULL, "5.826828696250162e-157"},
    {0x21d0000000000000ULL, "8.008332380732404e-146"},
    {0x2420000000000000ULL, "1.1006568214637918e-134"},
    {0x2670000000000000ULL, "1.512731216738015e-123"},
    {0x28c0000000000000ULL, "2.07908195312898e-112"},
    {0x2b10000000000000ULL, "2.8574684782056875e-101"},
    {0x2d60000000000000ULL, "3.9272747722381812e-90"},
    {0x2fb0000000000000ULL, "5.397605346934028e-79"},
    {0x3200000000000000ULL, "7.418412301374843e-68"},
    {0x3450000000000000ULL, "1.0195788231247695e-56"},
    {0x36a0000000000000ULL, "1.401298464324817e-45"},
    {0x38f0000000000000ULL, "1.925929944387236e-34"},
    {0x3b40000000000000ULL, "2.6469779601696886e-23"},
    {0x3d90000000000000ULL, "3.637978807091713e-12"},
    {0x3fe0000000000000ULL, "0.5"},
    {0x4230000000000000ULL, "68719476736.0"},
    {0x4480000000000000ULL, "9.44473296573929e+21"},
    {0x46d0000000000000ULL, "1.298074214633707e+33"},
    {0x4920000000000000ULL, "1.78405961588245e+44"},
    {0x4b70000000000000ULL, "2.4519928653854222e+55"},
    {0x4dc0000000000000ULL, "3.36999333339383e+66"},
    {0x5010000000000000ULL, "4.631683569492648e+77"},
    {0x5260000000000000ULL, "6.365737426045269e+88"},
    {0x54b0000000000000ULL, "8.749002899132048e+99"},
    {0x5700000000000000ULL, "1.2024538023802026e+111"},
    {0x5950000000000000ULL, "1.6526399219756215e+122"},
    {0x5ba0000000000000ULL, "2.2713710134237715e+133"},
    {0x5df0000000000000ULL, "3.1217485503159922e+144"},
    {0x6040000000000000ULL, "4.290498537581631e+155"},
    {0x6290000000000000ULL, "5.896816288783659e+166"},
    {0x64e0000000000000ULL, "8.10452259547069e+177"},
    {0x6730000000000000ULL, "1.1138771039116688e+189"},
    {0x6980000000000000ULL, "1.5309010345804195e+200"},
    {0x6bd0000000000000ULL, "2.1040543606193494e+211"},
    {0x6e20000000000000ULL, "2.891790293717215e+222"},
    {0x7070000000000000ULL, "3.974446316289815e+233"},
    {0x72c0000000000000ULL, "5.462437423415177e+244"},
    {0x7510000000000000ULL, "7.5075168288047e+255"},
    {0x7760000000000000ULL, "1.0318252561243462e+267"},
    {0x79b0000000000000ULL, "1.418129833677085e+278"},
    {0x7c00000000000000ULL, "1.94906280228e+289"},
    {0x7e50000000000000ULL, "2.6787715179656683e+300"},
    {0x7222d7283ab5a383ULL, "6.281422160250761e+241"},
    {0xfdec65fe72129737ULL, "-3.714495214539439e+298"},
    {0x93548b905e5c7474ULL, "-1.4899540913722066e-215"},
    {0xd4d495104513e9a4ULL, "-4.501860577151965e+100"},
    {0x89a5b1d8560d8297ULL, "-3.4448282974871947e-262"},
    {0x0a3bf4d9c097ce13ULL, "2.272823609468156e-259"},
    {0x7218d06eec35bea1ULL, "4.1365348509257663e+241"},
    {0xab00ca3ee9896e77ULL, "-1.499279998173067e-101"},
    {0x8c1a87369f4b56d2ULL, "-2.3157465536046427e-250"},
    {0x99fb6ec663bc45c1ULL, "-1.614029396311327e-183"},
    {0xe06fc89649f9b43aULL, "-3.409181143433498e+156"},
    {0x1eefb5c0fe3f7f14ULL, "1.1277380288664419e-159"},
    {0x1d3f578cede15ff1ULL, "8.304797618838449e-168"},
    {0x13f6a1e7b1243c1bULL, "1.6807165558205658e-212"},
    {0x554949efe35fed0dULL, "7.080061766855847e+102"},
    {0xdb589bdd1a845f0dULL, "-1.0917150699312332e+132"},
    {0xfe0733f5bd72f56dULL, "-1.2139736524159657e+299"},
    {0xe99662adeefe4237ULL, "-4.2837417310395595e+200"},
    {0xd637d8f2005075e8ULL, "-2.1877630681114125e+107"},
    {0x93a9ba74a4ae0b71ULL, "-5.970695145048062e-214"},
    {0x4983b11756980427ULL, "1.4052511199339634e+46"},
    {0x447364c8959f352eULL, "5.724005700970255e+21"},
    {0xa17739631b6ebfddULL, "-1.8162779360938163e-147"},
    {0xdef04b77aa8323f6ULL, "-2.083563592139126e+149"},
    {0x4fefc8ef35ae2cd6ULL, "1.150137494690702e+77"},
    {0x2027d9dd804b2962ULL, "8.894457697299141e-154"},
    {0xcfae3e63d07da479ULL, "-6.8398094346515935e+75"},
    {0x6a3dfe43d27ba20eULL, "5.877331862915562e+203"},
    {0xcd8d4c489635f071ULL, "-3.856797109255368e+65"},
    {0x591e8c2308bb2028ULL, "1.9720261164680139e+121"},
    {0x25d6e1559c10c03bULL, "2.1125251323803378e-126"},
    {0x86a09d76939d412cULL, "-9.372958774881357e-277"},
    {0x8beeb02e138b7d01ULL, "-3.3486139994896626e-251"},
    {0xa96e030a8be16eabULL, "-3.9934180744097305e-109"},
    {0xde6d73444660ac57ULL, "-7.354904652395681e+146"},
    {0xb0a52a49c6610000ULL, "-2.339662501540623e-74"},
    {0x182163037f058744ULL, "1.9054244816128375e-192"},
    {0x73465a408c5ee086ULL, "1.9535902653783406e+247"},
    {0x02cb40cd2b05600aULL, "3.3337318171262915e-295"},
    {0x41a81490706ca8fcULL, "202000440.21222675"},
    {0xa8f5fe2337ddb564ULL, "-2.286233870685884e-111"},
    {0x621e1360907f6085ULL, "4.3298542895408235e+164"},
    {0x606c035116a50459ULL, "3.0047386753948286e+156"},
    {0xcfbba0942d90fe01ULL, "-1.249616512903912e+76"},
    {0x7aec65c2f393401cULL, "1.3196116106525901e+284"},
    {0x10583debbedd5e4aULL, "6.2458218199387235e-230"},
    {0x64c50c5689443a87ULL, "2.665399617465027e+177"},
    {0x8f9275f3e2e66b7dULL, "-1.1612153738482252e-233"},
    {0x51ecf0e4ee4defaeULL, "4.4978213772172355e+86"},
    {0x3010b8c24e702f85ULL, "3.610288705925642e-77"},
    {0x183589e9fc81e999ULL, "4.720878232426175e-192"},
    {0x2c31775afdd61a04ULL, "8.177124615978662e-96"},
    {0x8df317b61fb70e89ULL, "-1.7895715932531978e-241"},
    {0x9504eb52d57fa697ULL, "-2.0361920948294338e-207"},
    {0x01989e7108a8e869ULL, "5.74398378468846e-301"},
    {0x78a4d89ff9eda1e9ULL, "1.4096548766383444e+273"},
    {0xe1e3545b9628371eULL, "-3.478474216662986e+163"},
    {0xa5b063e543c31538ULL, "-3.783263089463663e-127"},
    {0xd38517c1445f9d7fULL, "-2.1998990191233946e+94"},
    {0x2b2336c102bcdfd6ULL, "6.862882987564582e-101"},
    {0x1eb59167b2d30d16ULL, "9.588087057902523e-161"},
    {0xe76d8153cda915ffULL, "-1.6432575002301456e+190"},
    {0x7f5b2384a46be223ULL, "2.9777301916105036e+305"},
    {0x1ff39dc862b95685ULL, "9.14408370980447e-155"},
    {0xa9b81f92a759ee5bULL, "-1.0271617676876763e-107"},
    {0xd111122f7f6cf171ULL, "-3.238610648399554e+82"},
    {0x6c1c040a67eea237ULL, "5.894673203422246e+212"},
    {0x71e1bdc466242e43ULL, "3.6968468177138235e+240"},
    {0x96e78e4257d99977ULL, "-2.4618913211776154e-198"},
    {0xa3f82949ad99260eULL, "-2.0775998582317866e-135"},
    {0x8cb2be9fa0c21aa2ULL, "-1.675561173844422e-247"},
    {0xad113eb45b4dec1eULL, "-1.3227659363701276e-91"},
    {0x9ae35f008a9fe779ULL, "-3.734624283941735e-179"},
    {0x0d7801a781917dffULL, "8.78965206548345e-244"},
    {0xce6452db9c47f4eeULL, "-4.383399070146901e+69"},
    {0xe2a7eb3e0dab9490ULL, "-1.763068139718824e+167"},
    {0x5fb595f2d2501595ULL, "1.1305367493990957e+153"},
    {0xe661b021495a31c9ULL, "-1.5031636831042252e+185"},
    {0xd5afe54494ded5dfULL, "-5.715036199951426e+104"},
    {0x82907826ee88d23aULL, "-2.51826006001368e-296"},
    {0x6f1bbe68b27f4d56ULL, "1.6430941865614095e+227"},
    {0xadb140c2268fcffaULL, "-1.3551424877303658e-88"},
    {0xb422ffbf4994ea6aULL, "-1.5133586618022024e-57"},
    {0x7d7a4f47a941ad93ULL, "2.688508634621859e+296"},
    {0xe8a52c6daf53638fULL, "-1.2365191477444671e+196"},
    {0xd570c5e3e7fe266bULL, "-3.756725832173566e+103"},
    {0x654eb28deb8799e7ULL, "9.951536172050175e+179"},
    {0xdce664ef03409121ULL, "-3.333534540657556e+139"},
    {0x7d2b583247f688a0ULL, "8.732046356795639e+294"},
    {0x843725315bb2f39bULL, "-2.3750167895336118e-288"},
    {0x7a6381d6a39f0089ULL, "3.540955634022693e+281"},
    {0x2352ec6428889826ULL, "1.5890634858579255e-138"},
    {0x14acce32531c65aaULL, "4.380944664911975e-209"},
    {0x488b4a11ebc88f45ULL, "2.971545545553999e+41"},
    {0x4d1fc406444ac763ULL, "3.2669148782605153e+63"},
    {0x28166f6f6d288d41ULL, "1.423486780730652e-115"},
    {0x8e9ee0a2e64ffb15ULL, "-2.9636394785721733e-238"},
    {0x71c6563f97bfbd48ULL, "1.1636158118807775e+240"},
    {0x2afda1b991887351ULL, "1.3229961987368094e-101"},
    {0x7625ee2c1628dbf8ULL, "1.3487517558359008e+261"},
    {0xc5f34db0fe76cc16ULL, "-9.558621288400166e+28"},
    {0x56d821cf1252f172ULL, "2.267007376141439e+110"},
    {0x62f5b39c18efb83bULL, "5.1188140781803e+168"},
    {0xaab8999eedc47b88ULL, "-6.864644229167852e-103"},
    {0xbebb09d89a1b929eULL, "-1.6116178830845696e-06"},
    {0x9d1852a7338025f4ULL, "-1.6112285344625094e-168"},
    {0xa48e8c66216647faULL, "-1.3449336637084395e-132"},
    {0x1b0cb0edde079eaeULL, "2.2125863390651374e-178"},
    {0x4bfe95fe9a49e13dULL, "1.1999431720247e+58"},
    {0xa98d5a4176765b47ULL, "-1.5622753445844618e-108"},
    {0x6ec752569069aef3ULL, "4.3162414716352504e+225"},
    {0xae1837ad8a0eddfbULL, "-1.2173919282476213e-86"},
    {0xc9ea4cb0bdfc88d7ULL, "-1.2011521047030037e+48"},
    {0x0a91f45e6035d3e9ULL, "9.341973034208065e-258"},
    {0x3300bf0602d68d71ULL, "5.08846523620693e-63"},
    {0x59193081e9cb74cdULL, "1.626138441185473e+121"},
    {0xe1b0a38e24284f82ULL, "-3.742846059441713e+162"},
    {0x6d9819cf2a4bf79fULL, "8.507630573202372e+219"},
    {0xbeba3e2f7f30c0c9ULL, "-1.5641994621889014e-06"},
    {0xc81031655c63dcb2ULL, "-1.3775440846011905e+39"},
    {0xad27fd9f45ae8040ULL, "-3.680395165685219e-91"},
    {0x0fa63fe0cb9bca5aULL, "2.799072132836836e-233"},
    {0xfb1acc1ed308af72ULL, "-9.962026406570001e+284"},
    {0x6a5492f9a7860b36ULL, "1.6126435603720936e+204"},
    {0x4029e0fc780702dfULL, "12.939426184516774"},
    {0x54a95add1063beb3ULL, "6.932200177432635e+99"},
    {0xa3f002d10f547158ULL, "-1.3767671188131485e-135"},
    {0xaf5fc88947013e26ULL, "-1.6753315549055841e-80"},
    {0x846eb572df1673ceULL, "-2.5209066850462563e-287"},
    {0x20ab54dd0736228aULL, "2.6092495610944256e-151"},
    {0xddfc34c89d5bc427ULL, "-5.503288792716191e+144"},
    {0xcacf2c9511cac36dULL, "-2.3327268204602616e+52"},
    {0xed08599017f15aa1ULL, "-1.6788166565131776e+217"},
    {0x2deda79494252fd3ULL, "1.8633888830912657e-87"},
    {0x906a8c2fa8fb51a7ULL, "-1.3679764437831223e-229"},
    {0xed3e5b82e8831fd5ULL, "-1.6744122743149652e+218"},
    {0x4f26573b7d8497c0ULL, "1.973634560636528e+73"},
    {0x482c88aa313b65c4ULL, "4.854782485111502e+39"},
    {0x0ef00e3b7f64a182ULL, "9.8625639257091e-237"},
    {0xb2cd0810e3d057c4ULL, "-5.5134129662199386e-64"},
    {0xcab5337d8c14ca3dULL, "-7.932286133556555e+51"},
    {0xea43e4ff53c60a26ULL, "-7.796874945961557e+203"},
    {0xd93fba5e342dc900ULL, "-8.192962396738392e+121"},
    {0xc4369fe3db2ce852ULL, "-4.173496628792767e+20"},
    {0xddb960ede844a6c1ULL, "-3.094753983003785e+143"},
    {0x74aab5dcdc519e17ULL, "9.79144469634445e+253"},
    {0xc4e64c583fc49c0fULL, "-8.424029935208603e+23"},
    {0x94dc1188e61a856eULL, "-3.4150898834130587e-208"},
    {0xba7b331a62f57a0eULL, "-5.492919792913945e-27"},
    {0xa2810beaaab18a92ULL, "-1.7473847575882986e-142"},
    {0xc081be693532e7b4ULL, "-567.801371"},
    {0xc07c8d694ee392e2ULL, "-456.83821"},
    {0x408eb8a7ef9db22dULL, "983.082"},
    {0xc06c2ef1a9fbe76dULL, "-225.467"},
    {0xc081c80000000000ULL, "-569.0"},
    {0xc08e7aae536501e2ULL, "-975.33512"},
    {0x404ee66666666666ULL, "61.8"},
    {0xc040ab8bac710cb3ULL, "-33.3402"},
    {0xc06a4cbc6a7ef9dbULL, "-210.398"},
    {0xc045000000000000ULL, "-42.0"},
    {0x407f166666666666ULL, "497.4"},
    {0x405e1c49ba5e353fULL, "120.442"},
    {0x4084ce8a2120e1f8ULL, "665.817446"},
    {0x40504916872b020cULL, "65.142"},
    {0xc056000000000000ULL, "-88.0"},
    {0x403b99999999999aULL, "27.6"},
    {0x40714ca3d70a3d71ULL, "276.79"},
    {0xc07a6376ddaceee1ULL, "-422.21652"},
    {0x408b486666666666ULL, "873.05"},
    {0xc072a69d67ba237dULL, "-298.413429"},
    {0xc075980000000000ULL, "-345.5"},
    {0x40826ffbad3a604eULL, "589.997889"},
    {0xc075de0be0ded289ULL, "-349.8779"},
    {0xc072b80000000000ULL, "-299.5"},
    {0xc083cb20c49ba5e3ULL, "-633.391"},
    {0xc070394d3f1843c4ULL, "-259.581359"},
    {0x408204c95182a993ULL, "576.5983"},
    {0x4083e00000000000ULL, "636.0"},
    {0x408ed3a3d70a3d71ULL, "986.455"},
    {0x408e40ba5e353f7dULL, "968.091"},
    {0x408850395810624eULL, "778.028"},
    {0xc086a7075a31a4beULL, "-724.87859"},
    {0x40803094fd6d7e89ULL, "518.072749"},
    {0xc057f29fbe76c8b4ULL, "-95.791"},
    {0x407032147ae147aeULL, "259.13"},
    {0xc0823f83126e978dULL, "-583.939"},
    {0xc08e9dea0d349be9ULL, "-979.739283"},
    {0xc0866a3eb5b2d4d4ULL, "-717.28062"},
    {0xc024000000000000ULL, "-10.0"},
    {0xc0805930ed3d859dULL, "-523.14889"},
    {0x4083e1999999999aULL, "636.2"},
    {0xc036781b866e43aaULL, "-22.46917"},
    {0xc077592fcce1c582ULL, "-373.57417"},
    {0x406563b15b573eabULL, "171.1154"},
    {0xc08a863bbd7b2032ULL, "-848.77917"},
    {0x4071bf6186983516ULL, "283.96131"},
    {0xc088b08f5c28f5c3ULL, "-790.07"},
    {0x4076200000000000ULL, "354.0"},
    {0xc06dec2339c0ebeeULL, "-239.3793"},
    {0x408cf00000000000ULL, "926.0"},
    {0xc0557926e978d4feULL, "-85.893"},
    {0xc06415ba9d1f6018ULL, "-160.67903"},
    {0xc08d2fae147ae148ULL, "-933.96"},
    {0x40873b3333333333ULL, "743.4"},
    {0xc08807f2b55ef1feULL, "-768.99351"},
    {0x4074f26666666666ULL, "335.15"},
    {0xc03ecccccccccccdULL, "-30.8"},
    {0xc079100000000000ULL, "-401.0"},
    {0xc06934c083126e98ULL, "-201.6485"},
    {0x40744b3333333333ULL, "324.7"},
};
// rows: a, b, a // b, a % b  (bits)  (CPython 3.11)
const DivRow kDivRows[] = {
    {0x401e000000000000ULL, 0x4000000000000000ULL, 0x4008000000000000ULL, 0x3ff8000000000000ULL},  // divmod(7.5, 2.0) == (3.0, 1.5)
    {0xc01e000000000000ULL, 0x4000000000000000ULL, 0xc010000000000000ULL, 0x3fe0000000000000ULL},  // divmod(-7.5, 2.0) == (-4.0, 0.5)
    {0x401e000000000000ULL, 0xc000000000000000ULL, 0xc010000000000000ULL, 0xbfe0000000000000ULL},  // divmod(7.5, -2.0) == (-4.0, -0.5)
    {0xc01e000000000000ULL, 0xc000000000000000ULL, 0x4008000000000000ULL, 0xbff8000000000000ULL},  // divmod(-7.5, -2.0) == (3.0, -1.5)
    {0x3ff0000000000000ULL, 0x3fb999999999999aULL, 0x4022000000000000ULL, 0x3fb9999999999996ULL},  // divmod(1.0, 0.1) == (9.0, 0.09999999999999995)
    {0x4014000000000000ULL, 0xbe7ad7f29abcaf48ULL, 0xc187d78408000000ULL, 0xbe7ad7f299b7d348ULL},  // divmod(5.0, -1e-07) == (-50000001.0, -9.999999977374055e-08)
    {0x8000000000000000ULL, 0x3ff0000000000000ULL, 0x8000000000000000ULL, 0x0000000000000000ULL},  // divmod(-0.0, 1.0) == (-0.0, 0.0)
    {0x0000000000000000ULL, 0xbff0000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL},  // divmod(0.0, -1.0) == (-0.0, -0.0)
    {0x7fe1ccf385ebc8a0ULL, 0x000730d67819e8d2ULL, 0x7ff0000000000000ULL, 0x00028401cf53d610ULL},  // divmod(1e+308, 1e-308) == (inf, 3.498445546245627e-309)
    {0x4008000000000000ULL, 0x7ff0000000000000ULL, 0x0000000000000000ULL, 0x4008000000000000ULL},  // divmod(3.0, inf) == (0.0, 3.0)
    {0xc008000000000000ULL, 0x7ff0000000000000ULL, 0xbff0000000000000ULL, 0x7ff0000000000000ULL},  // divmod(-3.0, inf) == (-1.0, inf)
    {0x4024000000000000ULL, 0x4008000000000000ULL, 0x4008000000000000ULL, 0x3ff0000000000000ULL},  // divmod(10.0, 3.0) == (3.0, 1.0)
    {0x81a56e1fc2f8f359ULL, 0x7e37e43c8800759cULL, 0xbff0000000000000ULL, 0x7e37e43c8800759cULL},  // divmod(-1e-300, 1e+300) == (-1.0, 1e+300)
    {0x3fd3333333333333ULL, 0x3fb999999999999aULL, 0x4000000000000000ULL, 0x3fb9999999999998ULL},  // divmod(0.3, 0.1) == (2.0, 0.09999999999999998)
    {0x4341c37937e08000ULL, 0x4008000000000000ULL, 0x4327af4c4a80aaaaULL, 0x3ff0000000000000ULL},  // divmod(1e+16, 3.0) == (3333333333333333.0, 1.0)
};
// rows: a, b, a ** b bits, or error kind index (1 ZeroDivision, 2 complex, 3 Overflow)
const PowRow kPowRows[] = {
    {0x4000000000000000ULL, 0x3fe0000000000000ULL, 0x3ff6a09e667f3bcdULL, 0},  // 2.0 ** 0.5 == 1.4142135623730951
    {0x4000000000000000ULL, 0xbff0000000000000ULL, 0x3fe0000000000000ULL, 0},  // 2.0 ** -1.0 == 0.5
    {0xc000000000000000ULL, 0x4008000000000000ULL, 0xc020000000000000ULL, 0},  // -2.0 ** 3.0 == -8.0
    {0xc000000000000000ULL, 0x4000000000000000ULL, 0x4010000000000000ULL, 0},  // -2.0 ** 2.0 == 4.0
    {0xc020000000000000ULL, 0x3fd5555555555555ULL, 0, 2},  // -8.0 ** 0.3333333333333333 is complex
    {0x0000000000000000ULL, 0xbff0000000000000ULL, 0, 1},  // 0.0 ** -1.0 ZeroDivisionError
    {0x0000000000000000ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0},  // 0.0 ** 0.0 == 1.0
    {0x8000000000000000ULL, 0x4008000000000000ULL, 0x8000000000000000ULL, 0},  // -0.0 ** 3.0 == -0.0
    {0x4024000000000000ULL, 0x4079000000000000ULL, 0, 3},  // 10.0 ** 400.0 OverflowError
    {0x4024000000000000ULL, 0xc079000000000000ULL, 0x0000000000000000ULL, 0},  // 10.0 ** -400.0 == 0.0
    {0x7ff0000000000000ULL, 0xc008000000000000ULL, 0x0000000000000000ULL, 0},  // inf ** -3.0 == 0.0
    {0xfff0000000000000ULL, 0x4008000000000000ULL, 0xfff0000000000000ULL, 0},  // -inf ** 3.0 == -inf
    {0xfff0000000000000ULL, 0x4000000000000000ULL, 0x7ff0000000000000ULL, 0},  // -inf ** 2.0 == inf
    {0x3ff0000000000000ULL, 0x7ff8000000000000ULL, 0x3ff0000000000000ULL, 0},  // 1.0 ** nan == 1.0
    {0x7ff8000000000000ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0},  // nan ** 0.0 == 1.0
    {0xbff0000000000000ULL, 0x7ff0000000000000ULL, 0x3ff0000000000000ULL, 0},  // -1.0 ** inf == 1.0
    {0x3fe0000000000000ULL, 0x7ff0000000000000ULL, 0x0000000000000000ULL, 0},  // 0.5 ** inf == 0.0
    {0x4000000000000000ULL, 0x7ff0000000000000ULL, 0x7ff0000000000000ULL, 0},  // 2.0 ** inf == inf
    {0x3ff199999999999aULL, 0x408f400000000000ULL, 0x4886aec8cd64aba1ULL, 0},  // 1.1 ** 1000.0 == 2.4699329180060256e+41
    {0xbff0000000000000ULL, 0x7e37e43c8800759cULL, 0x3ff0000000000000ULL, 0},  // -1.0 ** 1e+300 == 1.0
};
// rows: x, ndigits, round(x, ndigits) bits, overflow
const RoundRow kRoundRows[] = {
    {0x4005666666666666ULL, 2, 0x40055c28f5c28f5cULL, false},  // round(2.675, 2) == 2.67
    {0x3fc0000000000000ULL, 2, 0x3fbeb851eb851eb8ULL, false},  // round(0.125, 2) == 0.12
    {0x3fd8000000000000ULL, 2, 0x3fd851eb851eb852ULL, false},  // round(0.375, 2) == 0.38
    {0x4004000000000000ULL, 0, 0x4000000000000000ULL, false},  // round(2.5, 0) == 2.0
    {0x400c000000000000ULL, 0, 0x4010000000000000ULL, false},  // round(3.5, 0) == 4.0
    {0xc004000000000000ULL, 0, 0xc000000000000000ULL, false},  // round(-2.5, 0) == -2.0
    {0xbfd999999999999aULL, 0, 0x8000000000000000ULL, false},  // round(-0.4, 0) == -0.0
    {0xc010000000000000ULL, -1, 0x8000000000000000ULL, false},  // round(-4.0, -1) == -0.0
    {0x406f500000000000ULL, -1, 0x406f400000000000ULL, false},  // round(250.5, -1) == 250.0
    {0x406f500000000000ULL, -2, 0x4072c00000000000ULL, false},  // round(250.5, -2) == 300.0
    {0x406f400000000000ULL, -2, 0x4069000000000000ULL, false},  // round(250.0, -2) == 200.0
    {0x4075e00000000000ULL, -2, 0x4079000000000000ULL, false},  // round(350.0, -2) == 400.0
    {0x40934a456d5cfaadULL, -2, 0x4092c00000000000ULL, false},  // round(1234.5678, -2) == 1200.0
    {0x7e37e43c8800759cULL, 2, 0x7e37e43c8800759cULL, false},  // round(1e+300, 2) == 1e+300
    {0x0000000000000001ULL, 323, 0x0000000000000000ULL, false},  // round(5e-324, 323) == 0.0
    {0x0000000000000001ULL, 324, 0x0000000000000001ULL, false},  // round(5e-324, 324) == 5e-324
    {0x7fee42d130773b76ULL, -308, 0, true},  // round(1.7e+308, -308) OverflowError
    {0x7fe1ccf385ebc8a0ULL, -309, 0x0000000000000000ULL, false},  // round(1e+308, -309) == 0.0
    {0x3fb999999999999aULL, 20, 0x3fb999999999999aULL, false},  // round(0.1, 20) == 0.1
    {0x3ff2666666666666ULL, 1, 0x3ff199999999999aULL, false},  // round(1.15, 1) == 1.1
    {0x3ff4000000000000ULL, 1, 0x3ff3333333333333ULL, false},  // round(1.25, 1) == 1.2
    {0x3ff599999999999aULL, 1, 0x3ff6666666666666ULL, false},  // round(1.35, 1) == 1.4
    {0x419d6f3457f35ba8ULL, 5, 0x419d6f3457f35a86ULL, false},  // round(123456789.98765433, 5) == 123456789.98765
    {0xc05edd2f1a9fbe77ULL, -1, 0xc05e000000000000ULL, false},  // round(-123.456, -1) == -120.0
    {0x4023fd70a3d70a3dULL, 2, 0x4023fae147ae147bULL, false},  // round(9.995, 2) == 9.99
    {0x3fe0000000000000ULL, -1, 0x0000000000000000ULL, false},  // round(0.5, -1) == 0.0
    {0x4014000000000000ULL, -1, 0x0000000000000000ULL, false},  // round(5.0, -1) == 0.0
    {0x402e000000000000ULL, -1, 0x4034000000000000ULL, false},  // round(15.0, -1) == 20.0
    {0x4039000000000000ULL, -1, 0x4034000000000000ULL, false},  // round(25.0, -1) == 20.0
    {0x8000000000000000ULL, 2, 0x8000000000000000ULL, false},  // round(-0.0, 2) == -0.0
    {0x4480f0cf064dd592ULL, -22, 0x4480f0cf064dd592ULL, false},  // round(1e+22, -22) == 1e+22
    {0x4470f0cf064dd592ULL, -22, 0x0000000000000000ULL, false},  // round(5e+21, -22) == 0.0
    {0x4470f0cf3f25bfdeULL, -22, 0x4480f0cf064dd592ULL, false},  // round(5.000001e+21, -22) == 1e+22
    {0x01b01297d23ab683ULL, 300, 0x01b56e1fc2f8f359ULL, false},  // round(1.5e-300, 300) == 2e-300
};
// rows: text, float(text) bits, ok
const ParseRow kParseRows[] = {
    {"1_000.5", 0x408f440000000000ULL, true},  // float('1_000.5') == 1000.5
    {"1_000_.5", 0, false},  // float('1_000_.5') ValueError
    {"1._5", 0, false},  // float('1._5') ValueError
    {"1e1_0", 0x4202a05f20000000ULL, true},  // float('1e1_0') == 10000000000.0
    {"_1", 0, false},  // float('_1') ValueError
    {"1_", 0, false},  // float('1_') ValueError
    {"1__0", 0, false},  // float('1__0') ValueError
    {".5", 0x3fe0000000000000ULL, true},  // float('.5') == 0.5
    {"5.", 0x4014000000000000ULL, true},  // float('5.') == 5.0
    {".", 0, false},  // float('.') ValueError
    {"e5", 0, false},  // float('e5') ValueError
    {"1e", 0, false},  // float('1e') ValueError
    {"1e+", 0, false},  // float('1e+') ValueError
    {"+nan", 0x7ff8000000000000ULL, true},  // float('+nan') == nan
    {"-nan", 0x7ff8000000000000ULL, true},  // float('-nan') == nan
    {"in", 0, false},  // float('in') ValueError
    {"-Infinity", 0xfff0000000000000ULL, true},  // float('-Infinity') == -inf
    {"iNF", 0x7ff0000000000000ULL, true},  // float('iNF') == inf
    {"infinit", 0, false},  // float('infinit') ValueError
    {"  1.5  ", 0x3ff8000000000000ULL, true},  // float('  1.5  ') == 1.5
    {"0x10", 0, false},  // float('0x10') ValueError
    {"1.5e-3_0", 0x39be6c71fe61a3efULL, true},  // float('1.5e-3_0') == 1.5e-30
    {"1_0e5", 0x412e848000000000ULL, true},  // float('1_0e5') == 1000000.0
    {"nan(1)", 0, false},  // float('nan(1)') ValueError
    {"1.5j", 0, false},  // float('1.5j') ValueError
    {"-0", 0x8000000000000000ULL, true},  // float('-0') == -0.0
    {"+.5e-3", 0x3f40624dd2f1a9fcULL, true},  // float('+.5e-3') == 0.0005
    {"1e400", 0x7ff0000000000000ULL, true},  // float('1e400') == inf
    {"-1e400", 0xfff0000000000000ULL, true},  // float('-1e400') == -inf
    {"1e-400", 0x0000000000000000ULL, true},  // float('1e-400') == 0.0
    {"\t3.25\n", 0x400a000000000000ULL, true},  // float('\t3.25\n') == 3.25
    {"", 0, false},  // float('') ValueError
    {" ", 0, false},  // float(' ') ValueError
    {"1.7976931348623159e308", 0x7ff0000000000000ULL, true},  // float('1.7976931348623159e308') == inf
    {"0.1e1", 0x3ff0000000000000ULL, true},  // float('0.1e1') == 1.0
    {"00012", 0x4028000000000000ULL, true},  // float('00012') == 12.0
    {"1.2.3", 0, false},  // float('1.2.3') ValueError
    {"--1", 0, false},  // float('--1') ValueError
};
// rows: x, hash(x)
const HashRow kHashRows[] = {
    {0x3fe0000000000000ULL, 1152921504606846976LL},  // hash(0.5)
    {0x3ff8000000000000ULL, 1152921504606846977LL},  // hash(1.5)
    {0xbff8000000000000ULL, -1152921504606846977LL},  // hash(-1.5)
    {0x54b249ad2594c37dULL, 1822893315824342674LL},  // hash(1e+100)
    {0xab2bff2ee48e0530ULL, -1735222877707689105LL},  // hash(-1e-100)
    {0x43c0000000000000ULL, 1LL},  // hash(2.305843009213694e+18)
    {0x43bfffffffffffffULL, 2305843009213693696LL},  // hash(2.3058430092136937e+18)
    {0xbff0000000000000ULL, -2LL},  // hash(-1.0)
    {0x3fb999999999999aULL, 230584300921369408LL},  // hash(0.1)
    {0x400921f9f01b866eULL, 326484311674566659LL},  // hash(3.14159)
    {0x7fe1ccf385ebc8a0ULL, 156575653125701LL},  // hash(1e+308)
    {0x0000000000000001ULL, 16777216LL},  // hash(5e-324)
    {0x8000000000000000ULL, 0LL},  // hash(-0.0)
    {0x40fe240c9fbe76c9ULL, 1819310134279660096LL},  // hash(123456.789)
    {0x3b90000000000000ULL, 4503599627370496LL},  // hash(8.470329472543003e-22)
};

}  // namespace

TEST_CASE("float repr is CPython's shortest round-trip layout", "[num][float]") {
    for (const auto& r : kReprRows) {
        double x = from_bits(r.bits);
        INFO(r.repr);
        CHECK(num::float_repr(x) == r.repr);
        std::string negated = r.repr[0] == '-' ? std::string(r.repr + 1) : std::string("-").append(r.repr);
        CHECK(num::float_repr(-x) == negated);
    }
    CHECK(num::float_repr(INFINITY) == "inf");
    CHECK(num::float_repr(-INFINITY) == "-inf");
    CHECK(num::float_repr(NAN) == "nan");
    CHECK(num::float_repr(0.0) == "0.0");
    CHECK(num::float_repr(-0.0) == "-0.0");
}

TEST_CASE("portable shortest-digits algorithms agree with the exact one", "[num][float]") {
    // The Wasm build uses shortest_digits_portable (fast exact path, search
    // fallback); both must agree with CPython's repr (the table) and with
    // shortest_digits (std::to_chars natively) on random doubles.
    using Fn = void (*)(double, std::string&, int&);
    const Fn fns[] = {num::detail::shortest_digits_portable, num::detail::shortest_digits_by_search};
    for (Fn fn : fns) {
        std::string d1, d2;
        int p1 = 0, p2 = 0;
        for (const auto& r : kReprRows) {
            double x = from_bits(r.bits);
            if (x == 0 || !std::isfinite(x)) continue;
            fn(x, d1, p1);
            num::shortest_digits(x, d2, p2);
            INFO(r.repr);
            CHECK(d1 == d2);
            CHECK(p1 == p2);
        }
        std::mt19937_64 gen(2024);
        int mismatches = 0;
        auto compare = [&](double x) {
            fn(x, d1, p1);
            num::shortest_digits(x, d2, p2);
            if (d1 != d2 || p1 != p2) ++mismatches;
        };
        for (int i = 0; i < 20000; ++i) {
            double x = from_bits(gen());
            if (std::isfinite(x) && x != 0) compare(std::fabs(x));
        }
        // Doubles in the fast path's range, and sums like 0.1 + 0.2.
        std::uniform_real_distribution<double> exps(-6, 24);
        for (int i = 0; i < 20000; ++i) compare(std::pow(10.0, exps(gen)));
        double acc = 0;
        for (int i = 0; i < 5000; ++i) compare(acc += 0.1);
        // Powers of two (lopsided intervals) and their neighbours.
        for (int e = -1074; e < 1024; ++e) {
            double x = std::ldexp(1.0, e);
            compare(x);
            compare(std::nextafter(x, 0.0));
            compare(std::nextafter(x, INFINITY));
        }
        CHECK(mismatches == 0);
    }
}

TEST_CASE("exact fixed-point digits agree with printf", "[num][float]") {
    // fixed_digits_exact replaces "%.*f" where it can; glibc's printf is
    // exact (round half even on the binary value), so they must agree.
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> exps(-25, 22);
    std::string fast;
    int mismatches = 0, used = 0;
    auto compare = [&](double x, int p) {
        if (!num::detail::fixed_digits_exact(x, p, fast)) return;
        ++used;
        if (fast != num::sprintf_double("%.*f", p, x)) ++mismatches;
    };
    for (int i = 0; i < 30000; ++i) {
        const int p = static_cast<int>(gen() % 21);
        compare(std::pow(10.0, exps(gen)), p);
        compare(static_cast<double>(gen() % 100000) / 8.0, p % 4);  // exact ties like 0.125
        compare(from_bits(gen() >> 2), p);
    }
    compare(0.0, 0);
    compare(0.0, 3);
    compare(0.5, 0);
    compare(1.5, 0);
    compare(2.5, 0);
    compare(1180591620717411303423.0, 20);
    CHECK(mismatches == 0);
    CHECK(used > 60000);
}

TEST_CASE("float floor division and modulo follow CPython", "[num][float]") {
    for (const auto& r : kDivRows) {
        double a = from_bits(r.a), b = from_bits(r.b);
        INFO(a << " divmod " << b);
        auto dm = num::float_divmod(a, b);
        CHECK(to_bits(dm.quot) == r.quot);
        CHECK(to_bits(dm.rem) == r.rem);
        CHECK(to_bits(num::float_mod(a, b)) == r.rem);
        CHECK(to_bits(num::float_floordiv(a, b)) == r.quot);
    }
}

TEST_CASE("float ** follows CPython's special cases and errors", "[num][float]") {
    for (const auto& r : kPowRows) {
        double a = from_bits(r.a), b = from_bits(r.b);
        INFO(a << " ** " << b);
        double out = 0;
        auto err = num::float_pow(a, b, out);
        switch (r.error) {
        case 0:
            CHECK_FALSE(err);
            CHECK(to_bits(out) == r.result);
            break;
        case 1:
            CHECK(err.kind == num::ErrorKind::ZeroDivisionError);
            CHECK(err.message == "0.0 cannot be raised to a negative power");
            break;
        case 2:
            CHECK(err.kind == num::ErrorKind::NotSupported);
            CHECK(err.message == "not supported in corolab: complex numbers");
            break;
        case 3:
            CHECK(err.kind == num::ErrorKind::OverflowError);
            CHECK(err.message == "(34, 'Numerical result out of range')");
            break;
        }
    }
}

TEST_CASE("round(x, n) is correctly rounded, half even", "[num][float]") {
    for (const auto& r : kRoundRows) {
        double x = from_bits(r.x);
        INFO("round(" << x << ", " << r.ndigits << ")");
        double out = 0;
        auto err = num::float_round(x, r.ndigits, out);
        if (r.overflow) {
            CHECK(err.kind == num::ErrorKind::OverflowError);
            CHECK(err.message == "rounded value too large to represent");
        } else {
            CHECK_FALSE(err);
            CHECK(to_bits(out) == r.result);
        }
    }
    // round(2.5) == 2, round(3.5) == 4, round(-0.5) == 0 (as -0.0 before int())
    CHECK(num::round_half_even(2.5) == 2.0);
    CHECK(num::round_half_even(3.5) == 4.0);
    CHECK(num::round_half_even(-0.5) == 0.0);
    int64_t i = 0;
    CHECK(num::double_to_int64(-3.99, i));
    CHECK(i == -3);
    CHECK_FALSE(num::double_to_int64(9.3e18, i));
    CHECK_FALSE(num::double_to_int64(NAN, i));
    CHECK(num::double_to_int64(-9223372036854775808.0, i));
    CHECK(i == INT64_MIN);
}

TEST_CASE("float(str) accepts Python's forms", "[num][float]") {
    for (const auto& r : kParseRows) {
        INFO("float('" << r.text << "')");
        auto v = num::parse_float(r.text);
        REQUIRE(v.has_value() == r.ok);
        if (!r.ok) continue;
        if (std::isnan(*v))
            CHECK(r.bits == 0x7ff8000000000000ULL);
        else
            CHECK(to_bits(*v) == r.bits);
    }
    CHECK(num::float_parse_error_message("'abc'") == "could not convert string to float: 'abc'");
}

TEST_CASE("hash(float) equals CPython's", "[num][float]") {
    for (const auto& r : kHashRows) {
        INFO(from_bits(r.x));
        CHECK(num::hash_double(from_bits(r.x)) == r.hash);
    }
    CHECK(num::hash_double(INFINITY) == 314159);
    CHECK(num::hash_double(-INFINITY) == -314159);
    CHECK(num::float_is_integer(3.0));
    CHECK_FALSE(num::float_is_integer(3.5));
    CHECK_FALSE(num::float_is_integer(INFINITY));
}
