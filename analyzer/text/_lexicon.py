"""Hand-written lexical knowledge: UD lemma conventions and spoken Finnish.

Everything here was written by the project's authors from general knowledge
of Finnish; nothing is copied from any annotated corpus.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATION_LEMMA",
    "ADVERB_LEMMA",
    "CLAUSE_OPENERS",
    "COMMON_LEMMAS",
    "FIXED_FORMS",
    "FOREIGN",
    "LEXICAL_PARTICIPLES",
    "NEGATION",
    "PLURALE_TANTUM",
    "PRONOUN_LEMMA",
    "SPOKEN",
    "SPOKEN_AMBIGUOUS",
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
    "niinku": "niinkuin",
    "nii": "niin",
    "niiku": "niinkuin",
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
    tekee teki näki sanoi kysyi vastasi alkoi loppui tee koski
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
    naurettava taitava pätevä loistava järkyttävä valitettava osaava samantekevä
    säälittävä inhottava lupaava hirvittävä kuvottava asiantunteva ällöttävä
    raivostuttava kammottava rakastettava ihastuttava houkutteleva joustava sujuva
    läpinäkyvä liikuttava välttävä tervetullut iljettävä halveksittava paheksuttava
    tuomittava pöyristyttävä hävettävä loukkaava syrjivä ylistettävä moitittava
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
    mennessä mahdollisimman tuolla tuolta
    ikinä ollenkaan kuule tosiaan vissiin minne toisin ylipäätään
    """.split()
)

#: Very frequent nouns and adjectives whose forms collide with rare verb or
#: noun readings (``vuoteen``: vuosi, not vuode; ``päivää``: päivä, not päivätä).
COMMON_LEMMAS = frozenset(
    "vuosi aika maa päivä uusi tuki puu kehitys elämä entinen kulta mieli".split()
)

#: Adverb forms whose UD lemma is another adverb or a verb.
ADVERB_LEMMA = {
    "paremmin": "hyvin",
    "parhaiten": "hyvin",
    "parhaimmin": "hyvin",
    "tulossa": "tulla",
    "menossa": "mennä",
}

# More spoken Finnish (written from knowledge of colloquial Finnish): the
# personal and demonstrative pronouns in their spoken case forms and with
# clitics, d-dropping and assimilated verb forms, shortened particles.
SPOKEN.update(
    {
        # minä / sinä and the plural possessives
        "mut": "mutta",  # or "minut": chosen by context in _choose
        "sut": "sinä",
        "muhun": "minä",
        "suhun": "sinä",
        "mulleki": "minä",
        "mullaki": "minä",
        "mullakin": "minä",
        "multaki": "minä",
        "munki": "minä",
        "munkin": "minä",
        "mäki": "minä",
        "mäkin": "minä",
        "määki": "minä",
        "sulleki": "sinä",
        "sullaki": "sinä",
        "sullakin": "sinä",
        "sunki": "sinä",
        "sunkin": "sinä",
        "säki": "sinä",
        "säkin": "sinä",
        "sääki": "sinä",
        "meiät": "minä",
        "meijät": "minä",
        "meil": "minä",
        "meilt": "minä",
        "teiät": "sinä",
        "teil": "sinä",
        "teilt": "sinä",
        "heil": "hän",
        "hänel": "hän",
        # se / ne
        "sil": "se",
        "silt": "se",
        "siit": "se",
        "siin": "se",
        "siihe": "se",
        "seki": "se",
        "senki": "se",
        "niil": "se",
        "niilt": "se",
        "niist": "se",
        "niis": "se",
        "niihi": "se",
        "neki": "se",
        "niitäki": "se",
        # tämä / tuo and their plurals
        "tääki": "tämä",
        "tääkin": "tämä",
        "tänki": "tämä",
        "tätäki": "tämä",
        "täl": "tämä",
        "tält": "tämä",
        "tähä": "tämä",
        "tässäki": "tämä",
        "näil": "tämä",
        "näilt": "tämä",
        "näist": "tämä",
        "näis": "tämä",
        "näihi": "tämä",
        "nääki": "tämä",
        "toiki": "tuo",
        "tonki": "tuo",
        "tosta": "tuo",
        "tossa": "tuo",
        "tol": "tuo",
        "tolla": "tuo",
        "tolle": "tuo",
        "tolta": "tuo",
        "tolt": "tuo",
        "tohon": "tuo",
        "toho": "tuo",
        "toiks": "tuo",
        "noil": "tuo",
        "noist": "tuo",
        "noiki": "tuo",
        "tuol": "tuolla",
        "tuolt": "tuolta",
        "tääl": "täällä",
        "täält": "täältä",
        "siel": "siellä",
        "sielt": "sieltä",
        # -lainen / -moinen pronoun adjectives
        "tällanen": "tällainen",
        "tällasta": "tällainen",
        "tällasen": "tällainen",
        "tällaset": "tällainen",
        "tällasia": "tällainen",
        "tällasii": "tällainen",
        "tällasissa": "tällainen",
        "tällasista": "tällainen",
        "tällasiin": "tällainen",
        "tällasel": "tällainen",
        "sellanen": "sellainen",
        "sellasta": "sellainen",
        "sellasen": "sellainen",
        "sellaset": "sellainen",
        "sellasia": "sellainen",
        "sellasii": "sellainen",
        "sellasista": "sellainen",
        "sellasiin": "sellainen",
        "tollasii": "tuollainen",
        "tollasista": "tuollainen",
        "tollasiin": "tuollainen",
        "semmonen": "semmoinen",
        "semmosta": "semmoinen",
        "semmosen": "semmoinen",
        "semmoset": "semmoinen",
        "semmosia": "semmoinen",
        "semmosii": "semmoinen",
        "tämmönen": "tämmöinen",
        "tämmöstä": "tämmöinen",
        "tämmösen": "tämmöinen",
        "tämmöset": "tämmöinen",
        "tämmösiä": "tämmöinen",
        "tommosen": "tuommoinen",
        "tommoset": "tuommoinen",
        "tommosia": "tuommoinen",
        "millanen": "millainen",
        "millasta": "millainen",
        "millasen": "millainen",
        "millasia": "millainen",
        "minkälainen": "minkälainen",
        "jonkinlainen": "jonkinlainen",
        "mitenkä": "miten",
        "mites": "miten",
        "mihi": "mikä",
        "mist": "mikä",
        "mis": "mikä",
        "mil": "mikä",
        "kellä": "kuka",
        "kelle": "kuka",
        "keltä": "kuka",
        "kukaa": "kukaan",
        "mikää": "mikään",
        "mitää": "mikään",
        "mistää": "mikään",
        "missää": "mikään",
        "mihinkää": "mikään",
        "millää": "mikään",
        "kenenkää": "kukaan",
        "kellää": "kukaan",
        "kenellekää": "kukaan",
        "kettää": "kukaan",
        "ketää": "kukaan",
        "jonku": "joku",
        "jollekki": "joku",
        "joillekki": "joku",
        "jostai": "jokin",
        "jossai": "jokin",
        "johonki": "jokin",
        "jollai": "jokin",
        "muutki": "muu",
        "kaikkee": "kaikki",
        "kaikkii": "kaikki",
        # olla
        "ollu": "olla",
        "oo": "olla",
        "ooks": "olla",
        "ootko": "olla",
        "ootteks": "olla",
        "olliks": "olla",
        "oisiks": "olla",
        "oisitko": "olla",
        "oisko": "olla",
        "oiskohan": "olla",
        "olisiks": "olla",
        "olis": "olla",
        "ollaanks": "olla",
        "ollaaks": "olla",
        "onkse": "olla",
        "olikse": "olla",
        "onks": "olla",
        "onksää": "olla",
        "onksä": "olla",
        "onkohan": "olla",
        # d-dropping and other common spoken verb forms
        "tehä": "tehdä",
        "tehää": "tehdä",
        "tehään": "tehdä",
        "tehäänks": "tehdä",
        "tehny": "tehdä",
        "nähä": "nähdä",
        "nähää": "nähdä",
        "nähään": "nähdä",
        "nähny": "nähdä",
        "syyä": "syödä",
        "syyään": "syödä",
        "juua": "juoda",
        "juuaan": "juoda",
        "viiä": "viedä",
        "tuua": "tuoda",
        "lyyä": "lyödä",
        "saaha": "saada",
        "käyä": "käydä",
        "käyään": "käydä",
        "tiiä": "tietää",
        "tiiän": "tietää",
        "tiiät": "tietää",
        "tiietään": "tietää",
        "tiiäks": "tietää",
        "tiiätkö": "tietää",
        "tiiätsä": "tietää",
        "tiäks": "tietää",
        "tiäkkö": "tietää",
        "tiiäkkö": "tietää",
        "tiäkö": "tietää",
        "tienny": "tietää",
        "tienu": "tietää",
        "oottaa": "odottaa",
        "ootan": "odottaa",
        "ootat": "odottaa",
        "ootin": "odottaa",
        "ootti": "odottaa",
        "ootellaan": "odotella",
        "ootella": "odotella",
        "oottakaa": "odottaa",
        "ootetaan": "odottaa",
        "oota": "odottaa",
        "oottanu": "odottaa",
        "viiti": "viitsiä",
        "viitti": "viitsiä",
        "viittiny": "viitsiä",
        "viitin": "viitsiä",
        "haluis": "haluta",
        "haluisin": "haluta",
        "haluisit": "haluta",
        "haluisitko": "haluta",
        "haluun": "haluta",
        "haluut": "haluta",
        "haluutko": "haluta",
        "haluuks": "haluta",
        "haluu": "haluta",
        "haluutte": "haluta",
        "tarttis": "tarvita",
        "tarvis": "tarvita",
        "tarviin": "tarvita",
        "tarvin": "tarvita",
        "tarviit": "tarvita",
        "tarviiks": "tarvita",
        "tarviiko": "tarvita",
        "tartteeks": "tarvita",
        "lähetkö": "lähteä",
        "lähet": "lähteä",
        "lähtis": "lähteä",
        "lähettiin": "lähteä",
        "lähteny": "lähteä",
        "lähtekää": "lähteä",
        "katoin": "katsoa",
        "katoit": "katsoa",
        "katottiin": "katsoa",
        "katottu": "katsoa",
        "kattonu": "katsoa",
        "katotaan": "katsoa",
        "kattoa": "katsoa",
        "kattoo": "katsoa",
        "kattelen": "katsella",
        "kattelin": "katsella",
        "kattelee": "katsella",
        "kattella": "katsella",
        "kattelemaan": "katsella",
        "kattokaa": "katsoa",
        "kattomaan": "katsoa",
        "kattomassa": "katsoa",
        "kattois": "katsoa",
        "kattoisin": "katsoa",
        "sanokaa": "sanoa",
        "sanonu": "sanoa",
        "sanotaa": "sanoa",
        "mennää": "mennä",
        "mennään": "mennä",
        "mennäänks": "mennä",
        "mennäänkö": "mennä",
        "menny": "mennä",
        "menis": "mennä",
        "menisin": "mennä",
        "tullaa": "tulla",
        "tullu": "tulla",
        "tulis": "tulla",
        "tulisin": "tulla",
        "tuutko": "tulla",
        "tuuks": "tulla",
        "tuutte": "tulla",
        "tuukaa": "tulla",
        "käyny": "käydä",
        "käyt": "käydä",
        "voisiks": "voida",
        "voisko": "voida",
        "voiskohan": "voida",
        "voitais": "voida",
        "voidaa": "voida",
        "saatais": "saada",
        "saanu": "saada",
        "saaks": "saada",
        "sais": "saada",
        "pääsis": "päästä",
        "jaksanu": "jaksaa",
        "jaksais": "jaksaa",
        "pystyny": "pystyä",
        "pitäis": "pitää",
        "pitäisköhän": "pitää",
        "tykkäis": "tykätä",
        "tykänny": "tykätä",
        "ymmärtäny": "ymmärtää",
        "tajunnu": "tajuta",
        "tajuun": "tajuta",
        "tajusitko": "tajuta",
        "unohin": "unohtaa",
        "unohit": "unohtaa",
        "eiks": "ei",
        "eikse": "ei",
        "emmä": "ei",
        "emmää": "ei",
        "etsä": "ei",
        "etsää": "ei",
        "eihä": "ei",
        # particles, adverbs, conjunctions
        "vaa": "vaan",
        "vähä": "vähän",
        "vähäsen": "vähän",
        "kuitenki": "kuitenkin",
        "kuitenkaa": "kuitenkaan",
        "vieläki": "vielä",
        "vielki": "vielä",
        "viel": "vielä",
        "ain": "aina",
        "ny": "nyt",
        "nytte": "nyt",
        "nytki": "nyt",
        "sitku": "sitku",
        "sillo": "silloin",
        "sillon": "silloin",
        "tollo": "tolloin",
        "tollee": "tolleen",
        "tolleen": "tolleen",
        "sillee": "silleen",
        "silleen": "silleen",
        "tälleen": "tälleen",
        "tällee": "tälleen",
        "nii": "niin",
        "niinku": "niinkuin",
        "niiku": "niinkuin",
        "niinkun": "niinkuin",
        "niinkuin": "niinkuin",
        "ikäänku": "ikäänkuin",
        "takas": "takaisin",
        "takasin": "takaisin",
        "uus": "uusi",
        "uudestaa": "uudestaan",
        "oikeen": "oikein",
        "oikeesti": "oikeasti",
        "totaa": "tuota",
        "justii": "just",
        "jep": "jep",
        "jooh": "joo",
        "okkei": "okei",
        "oki": "oki",
        "kans": "kanssa",
        "kaa": "kanssa",
        "ehk": "ehkä",
        "kyl": "kyllä",
        "kylhän": "kyllä",
        "kai": "kai",
        "sentää": "sentään",
        "ihanku": "ihankuin",
        "mielummin": "mieluummin",
        "varmaa": "varmaan",
        "pikkasen": "pikkuisen",
        "pikkusen": "pikkuisen",
        "yhtää": "yhtään",
        "ennää": "enää",
        "tänää": "tänään",
        "eilee": "eilen",
        "huomen": "huomenna",
        "paljo": "paljon",
        "melkee": "melkein",
        "kokonaa": "kokonaan",
        "koht": "kohta",
        "parasta": "hyvä",
        "yks": "yksi",
        "yhen": "yksi",
        "yhessä": "yhdessä",
        "kaks": "kaksi",
        "kahen": "kaksi",
        "kahe": "kaksi",
        "kolmee": "kolme",
        "viis": "viisi",
        "kuus": "kuusi",
        "seittemän": "seitsemän",
        "kaheksan": "kahdeksan",
        "yheksän": "yhdeksän",
        "kaheksantoista": "kahdeksantoista",
        "nään": "nähdä",
        "näät": "nähdä",
        "alko": "alkaa",
        "tuntu": "tuntua",
        "meette": "mennä",
        "ees": "edes",
        "ite": "itse",
        "itte": "itse",
        "itteä": "itse",
        "iteä": "itse",
        "itelle": "itse",
        "ittelle": "itse",
        "itellä": "itse",
        "ittellä": "itse",
        "iteltä": "itse",
        "itteltä": "itse",
        "itestä": "itse",
        "ittestä": "itse",
        "itessä": "itse",
        "ittessä": "itse",
        "iteksi": "itse",
        "itteks": "itse",
        "iteks": "itse",
        "ittensä": "itse",
        "itensä": "itse",
        "itteni": "itse",
        "iteni": "itse",
        "ittes": "itse",
        "ites": "itse",
        "iteki": "itse",
        "itekki": "itse",
        "itekin": "itse",
        "itteki": "itse",
        "ittekin": "itse",
        "itsekki": "itse",
        "jonnekki": "jokin",
        "enemmä": "enemmän",
        "vähemmä": "vähemmän",
        "teette": "tehdä",
    }
)

#: Spoken forms with two readings, chosen by context in ``_choose``:
#: ``mut`` is ``mutta`` or the accusative ``minut``; ``tota`` is ``tuo`` or the
#: hesitation particle ``tuota`` (``no tota``).
SPOKEN_AMBIGUOUS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "mut": (("mutta", "CCONJ"), ("minä", "PRON")),
    "tota": (("tuo", "PRON"), ("tuota", "INTJ")),
}

SPOKEN.update({"aijaa": "aijaa", "aha": "aha", "ahaa": "aha", "kait": "kait"})

SPOKEN_OVERRIDE |= frozenset(
    {"vähä", "katoin", "katoit", "lähetkö", "lähet", "oikeen", "multa", "parasta"}
    | {"haluun", "aijaa", "kait", "haluisin", "haluisit"}
    | {"kattelemaan", "kattelen", "kattoa", "lähettiin", "millasta", "mites", "munkin"}
    | {"määki", "säkin", "paljo", "pikkasen", "tajuun", "takasin", "tullaa"}
    | {"nään", "näät", "alko", "tuntu", "meette"}
)

#: Frequent English words of tweets and forum posts that the guesser would
#: otherwise take for Finnish forms (``tweet`` is no plural of ``twee``,
#: ``all`` no ``alla``). UD keeps a foreign word as its own lemma.
FOREIGN = frozenset(
    """
    the a an and or of to in for with at by from is are was were be been am it its this that
    what when where who why how all see seen love hello hi hey great shit sweet street tweet
    retweet soon moon room hell call miss mass man woman women real sad so not but just
    like good bad best new old day life time team fan fans game games video videos song
    music live news show world girl boy baby party nice cute yeah wow yes no please thanks
    """.split()
)

#: Common abbreviations: UD Finnish writes their lemma with the full stop,
#: also when a comment leaves it out (``esim`` -> ``esim.``).
ABBREVIATION_LEMMA = {
    "esim": "esim.",
    "jne": "jne.",
    "yms": "yms.",
    "tms": "tms.",
    "jms": "jms.",
    "ym": "ym.",
    "ns": "ns.",
    "vrt": "vrt.",
    "ts": "ts.",
    "mm.": "mm.",
    "n.": "noin",
}
