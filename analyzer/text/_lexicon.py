"""Hand-written lexical knowledge: UD lemma conventions and spoken Finnish.

Everything here was written by the project's authors from general knowledge
of Finnish; nothing is copied from any annotated corpus.
"""

from __future__ import annotations

__all__ = [
    "ADVERB_LEMMA",
    "CLAUSE_OPENERS",
    "COMMON_LEMMAS",
    "FIXED_FORMS",
    "LEXICAL_PARTICIPLES",
    "NEGATION",
    "PLURALE_TANTUM",
    "PRONOUN_LEMMA",
    "SPOKEN",
    "SPOKEN_OVERRIDE",
    "VERB_FIRST",
    "VOIKKO_CLASS_POS",
]

#: Voikko's CLASS values mapped to Universal POS tags.
VOIKKO_CLASS_POS = {
    "nimisana": "NOUN",
    "laatusana": "ADJ",
    "nimisana_laatusana": "ADJ",
    "teonsana": "VERB",
    "seikkasana": "ADV",
    "asemosana": "PRON",
    "suhdesana": "ADP",
    "huudahdussana": "INTJ",
    "sidesana": "CONJ",
    "etunimi": "PROPN",
    "sukunimi": "PROPN",
    "paikannimi": "PROPN",
    "nimi": "PROPN",
    "kieltosana": "AUX",
    "lyhenne": "ABBR",
    "lukusana": "NUM",
    "etuliite": "PREFIX",
}

#: Universal Dependencies lemmatises plural personal and demonstrative
#: pronouns to their singular.
PRONOUN_LEMMA = {
    "me": "minä",
    "te": "sinä",
    "he": "hän",
    "nämä": "tämä",
    "nuo": "tuo",
    "ne": "se",
    "mä": "minä",
    "sä": "sinä",
}

#: Forms of the negation verb (standard and spoken) and their clitic forms.
NEGATION = frozenset(
    "ei en et emme ette eivät älä älkää älköön eikä enkä etkä emmekä ettekä eivätkä "
    "eikö enkö etkö emmekö ettekö eivätkö eihän enhän ettehän eiks eks ettekste emmä".split()
)

#: Clause openers: a negation's scope ends at them (and at punctuation).
CLAUSE_OPENERS = frozenset("ja mutta vaan tai että koska kun jos eli sekä kuin joka mikä".split())

#: Spoken-Finnish forms common in comments that Voikko does not know, with
#: their standard lemma. Looked up lower-cased, before any guessing.
SPOKEN: dict[str, str] = {
    # personal pronouns
    "mä": "minä",
    "mää": "minä",
    "mie": "minä",
    "mulla": "minä",
    "mun": "minä",
    "mulle": "minä",
    "multa": "minä",
    "mua": "minä",
    "muo": "minä",
    "mussa": "minä",
    "musta": "minä",
    "mul": "minä",
    "mult": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "sie": "sinä",
    "sulla": "sinä",
    "sun": "sinä",
    "sulle": "sinä",
    "sulta": "sinä",
    "sua": "sinä",
    "sussa": "sinä",
    "susta": "sinä",
    "sul": "sinä",
    "sult": "sinä",
    "meiän": "minä",
    "meijän": "minä",
    "teiän": "sinä",
    "teijän": "sinä",
    "heiän": "hän",
    "heijän": "hän",
    # demonstratives
    "tää": "tämä",
    "tään": "tämä",
    "tän": "tämä",
    "tätä": "tämä",
    "täst": "tämä",
    "täs": "tämä",
    "toi": "tuo",
    "tota": "tuo",
    "ton": "tuo",
    "tos": "tuo",
    "tost": "tuo",
    "noi": "tuo",
    "noita": "tuo",
    "noiden": "tuo",
    "nää": "tämä",
    "näit": "tämä",
    "näitä": "tämä",
    "se": "se",
    "sen": "se",
    "sitä": "se",
    "sit": "sitten",
    "sitte": "sitten",
    # olla and other verbs
    "oon": "olla",
    "oot": "olla",
    "oo": "olla",
    "ollaa": "olla",
    "olin": "olla",
    "ois": "olla",
    "oisin": "olla",
    "oisit": "olla",
    "olis": "olla",
    "oli": "olla",
    "on": "olla",
    "oisko": "olla",
    "onks": "olla",
    "ootte": "olla",
    "ootteko": "olla",
    "tollanen": "tuollainen",
    "tollasta": "tuollainen",
    "tollasen": "tuollainen",
    "tollaset": "tuollainen",
    "tollasia": "tuollainen",
    "tommonen": "tuommoinen",
    "tommosta": "tuommoinen",
    "kattokaa": "katsoa",
    "kattomaan": "katsoa",
    "kattomassa": "katsoa",
    "katoin": "katsoa",
    "katoit": "katsoa",
    "kattonu": "katsoa",
    "kattelin": "katsella",
    "kattelee": "katsella",
    "kattella": "katsella",
    "lähen": "lähteä",
    "lähetään": "lähteä",
    "pitäs": "pitää",
    "tarttee": "tarvita",
    "tartteis": "tarvita",
    "tarvii": "tarvita",
    "tajuu": "tajuta",
    "tajuut": "tajuta",
    "ooks": "olla",
    "ootsä": "olla",
    "ootsää": "olla",
    "oliks": "olla",
    "olisko": "olla",
    "oisi": "olla",
    "tuu": "tulla",
    "tuun": "tulla",
    "tuut": "tulla",
    "tulee": "tulla",
    "tuli": "tulla",
    "meen": "mennä",
    "meet": "mennä",
    "mee": "mennä",
    "mennää": "mennä",
    "tiiä": "tietää",
    "tiedä": "tietää",
    "tiiän": "tietää",
    "tiijä": "tietää",
    "kato": "katsoa",
    "katos": "katsoa",
    "kattoo": "katsoa",
    "katotaan": "katsoa",
    "pitäis": "pitää",
    "vois": "voida",
    "voisko": "voida",
    "voiks": "voida",
    "saa": "saada",
    "saatte": "saada",
    "tehää": "tehdä",
    "tekee": "tehdä",
    "sano": "sanoa",
    "sanoo": "sanoa",
    "näyttää": "näyttää",
    "jaksa": "jaksaa",
    "eiks": "ei",
    "eks": "ei",
    "emmä": "ei",
    "emmää": "ei",
    # adverbs, conjunctions, particles
    "kyl": "kyllä",
    "kylä": "kyllä",
    "joo": "joo",
    "juu": "juu",
    "niinku": "niinku",
    "nii": "niin",
    "niiku": "niinku",
    "ku": "kun",
    "kun": "kun",
    "ja": "ja",
    "mut": "mutta",
    "mutku": "mutku",
    "vaik": "vaikka",
    "jos": "jos",
    "koska": "koska",
    "koz": "koska",
    "kosk": "koska",
    "et": "että",
    "ett": "että",
    "ni": "niin",
    "ettei": "ettei",
    "miks": "miksi",
    "mitä": "mikä",
    "mikä": "mikä",
    "mitäs": "mikä",
    "mikäs": "mikä",
    "kans": "kanssa",
    "kaa": "kanssa",
    "vähä": "vähän",
    "tosi": "tosi",
    "ihan": "ihan",
    "siis": "siis",
    "nyt": "nyt",
    "nytte": "nyt",
    "sillee": "silleen",
    "jotain": "jokin",
    "jotai": "jokin",
    "joku": "joku",
    "jotenki": "jotenkin",
    "kaikki": "kaikki",
    "jokane": "jokainen",
    "yks": "yksi",
    "kaks": "kaksi",
    "kolme": "kolme",
    "viis": "viisi",
    "kuus": "kuusi",
    "eka": "eka",
    "toka": "toka",
    "aina": "aina",
    "vielä": "vielä",
    "vieläki": "vielä",
    "ennää": "enää",
    "enää": "enää",
    "tänää": "tänään",
    "huomenna": "huomenna",
    "sillon": "silloin",
    "tollee": "tolleen",
    "tälleen": "tälleen",
    "kiitti": "kiitti",
    "kiitos": "kiitos",
}

#: Spoken forms that are also standard words but are almost always the
#: spoken word in comments (Voikko's standard reading is overridden).
SPOKEN_OVERRIDE = frozenset(
    {"mä", "sä", "mun", "sun", "tää", "nää", "noi", "toi", "oon", "oot", "kiitti"}
    | {"kattokaa", "kattomaan", "kattomassa", "kattelin", "kattelee", "tajuu", "lähetään"}
)

#: Adverbs and adpositions that UD keeps as their own lemma although Voikko
#: analyses them as inflected forms of a noun, adjective or other adverb.
FIXED_FORMS = frozenset(
    """
    paljon esimerkiksi lisäksi lopulta usein kerran liian kovin tosin täysin
    kokonaan varmaan ilman kautta vastaan sijaan suhteen välillä ohella jopa
    ainakin varsinkin juuri sisään esille takaisin yhdessä mukaan jälkeen vuoksi
    takia kanssa luona aluksi ensin sinne tänne tuonne
    alle alla alta ylle yllä ylhäällä alhaalla edessä eteen edestä takana taakse
    täynnä kaikkein eli miksi eniten enemmän vähemmän vähiten ennen nykyään pian
    hyvin paremmin parhaiten pitkään kauan kotona kotiin kotoa ulkona ulos yhä
    lähellä lähelle läheltä kesken keskellä ympäri ympärillä vieressä viereen
    sitten silloin niin näin noin kuitenkin vain vielä jo myös aina kuin ihan tosi
    asti saakka luokse luota kohti kohtaan läpi yli
    lisää siksi vähän hieman melko aika erittäin todella aivan
    """.split()
)

#: Frequent forms where a verb reading usually beats a noun reading
#: (``voi`` is far more often "can" than "butter").
VERB_FIRST = frozenset(
    """
    voi tuli toimi kuuluu maksaa kertoa pitää saa jää sai jäi lähti kävi
    tekee teki näki sanoi kysyi vastasi alkoi loppui
    """.split()
)

#: Participles that UD Finnish treats as lexicalised adjectives: their lemma
#: is the participle itself, not the verb (``merkittävä``, ``tietty``).
LEXICAL_PARTICIPLES = frozenset(
    """
    seuraava merkittävä sopiva tietty tuleva elävä pysyvä riittävä huomattava
    luotettava miellyttävä jännittävä kiinnostava haastava yllättävä hämmästyttävä
    kiitettävä uskottava ihailtava suositeltava kannattava vastaava edustava
    alustava hallitseva johtava kantava kiehtova kiihottava koskettava masentava
    mahtava palkitseva puhuttava rauhoittava rasittava raskauttava riippuvainen
    silmiinpistävä tehokas tarvittava tyydyttävä vaativa vakuuttava valaiseva
    vaikuttava väsyttävä ärsyttävä häiritsevä innostava kiusallinen harhaanjohtava
    virkistävä kokenut kiinnostunut tottunut väsynyt sivistynyt yhdistynyt suosittu
    tunnettu sallittu oikeutettu kielletty rajoitettu kuuluisa arvostettu hajautettu
    koulutettu hämmentynyt järkyttynyt pettynyt tyytymätön
    """.split()
)

#: Nouns used (almost) only in the plural: UD keeps the plural lemma.
#: Keyed by Voikko's singular base form (also as a compound's last part).
PLURALE_TANTUM = {
    "markkina": "markkinat",
    "aivo": "aivot",
    "kasvo": "kasvot",
    "hää": "häät",
    "vaali": "vaalit",
    "bile": "bileet",
    "opinto": "opinnot",
    "käräjä": "käräjät",
    "housu": "housut",
    "silmälasi": "silmälasit",
    "laude": "lauteet",
    "kuuluminen": "kuulumiset",
    "olympialainen": "olympialaiset",
    "alankomaa": "alankomaat",
    "yhdysvalta": "yhdysvallat",
    "molempi": "molemmat",
    "sakse": "sakset",
    "tikas": "tikkaat",
    "rappunen": "rappuset",
    "kärppä": "kärpät",
    "trikoo": "trikoot",
    "farkku": "farkut",
    "bikini": "bikinit",
    "kalsari": "kalsarit",
    "pikkuhousu": "pikkuhousut",
    "sukkahousu": "sukkahousut",
    "seychelli": "seychellit",
    "filippiini": "filippiinit",
    "kanaria": "kanariansaaret",
}

# More lexicalised case forms (adverbs and adpositions) that UD Finnish
# lemmatises as themselves.
FIXED_FORMS |= frozenset(
    """
    puolesta sijasta lähtien alkaen ottaen ottamatta nojalla puitteissa välissä
    päällä päälle päältä ääressä ääreen perässä perään perästä varaan varassa
    tienoilla paikkeilla varressa ulkopuolella ulkopuolelle ulkopuolelta
    sisäpuolella sisällä sisälle sisältä vastassa lomassa tähden myötä tarpeeksi
    liikaa hiukan onneksi mielellään turhan totta varsin kunnolla kunnon välttämättä
    kieltämättä nykyisin aikoinaan puolestaan oikeastaan lopuksi samalla suoraan
    pitkälle ikään huolissaan pahoillaan tosissaan ihmeissään yksin ensiksi viimeksi
      lähinnä enimmäkseen pääosin osittain vihdoin ajoissa
    aikanaan hetkeksi äsken kerrassaan parhaillaan yleensä oikein
    tarkalleen mieluummin mieluiten varmasti ilmeisesti lähes melkein vähitellen
    täällä siellä täältä sieltä seuraavaksi toisaalta toistaiseksi
    kaikkiaan yhtäkkiä ympäriinsä ohitse ohi sisään mukana mukaan mitenkään
    sittenkin ainakaan tietenkään varsinkaan ehkäpä edelleen
    mennessä mahdollisimman
    """.split()
)

#: Very frequent nouns and adjectives whose forms collide with rare verb or
#: noun readings (``vuoteen``: vuosi, not vuode; ``päivää``: päivä, not päivätä).
COMMON_LEMMAS = frozenset("vuosi aika maa päivä uusi tuki puu kehitys elämä entinen kulta".split())

#: Adverb forms whose UD lemma is another adverb or a verb.
ADVERB_LEMMA = {
    "paremmin": "hyvin",
    "parhaiten": "hyvin",
    "parhaimmin": "hyvin",
    "tulossa": "tulla",
    "menossa": "mennä",
}
