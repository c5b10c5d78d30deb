package cz.mluv.db.demodata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Czech words and sentence templates for demo data: real Czech with diacritics, so full-text
 * search and its diacritics-insensitive matching ({@code knedliky} finds {@code knedlíky}) are
 * exercised on realistic text. A large noun pool keeps every single noun selective (each appears
 * in a small share of messages), as words are in real chat.
 */
final class CzechCorpus {

    static final List<String> FIRST_NAMES = List.of(
            "Jan", "Petr", "Jiří", "Tomáš", "Lukáš", "Jakub", "Martin", "Ondřej", "Vojtěch", "Zdeněk",
            "Jana", "Tereza", "Lucie", "Eliška", "Anežka", "Kateřina", "Veronika", "Markéta", "Barbora", "Adéla",
            "Emma", "Oliver", "Sofia", "Lukas", "Hannah", "Mateo", "Chloé", "Noah", "Mia", "Leon",
            "Olga", "Dmitrij", "Anna", "Marek", "Zuzana", "Šárka", "Řehoř", "Štěpán", "Žofie", "Čeněk");

    static final List<String> LEVELS = List.of("A1", "A1", "A2", "A2", "A2", "B1", "B1", "B2", "C1", "C2");

    /** Nouns with their English translation: the saved words and the topics of messages. */
    static final List<String[]> NOUNS = List.of(
            new String[] {"knedlíky", "dumplings"}, new String[] {"pivo", "beer"}, new String[] {"svíčková", "beef sirloin in cream sauce"},
            new String[] {"guláš", "goulash"}, new String[] {"polévka", "soup"}, new String[] {"chléb", "bread"},
            new String[] {"rohlík", "bread roll"}, new String[] {"káva", "coffee"}, new String[] {"čaj", "tea"},
            new String[] {"zelí", "cabbage"}, new String[] {"brambory", "potatoes"}, new String[] {"sýr", "cheese"},
            new String[] {"nádraží", "railway station"}, new String[] {"tramvaj", "tram"}, new String[] {"autobus", "bus"},
            new String[] {"vlak", "train"}, new String[] {"letiště", "airport"}, new String[] {"náměstí", "square"},
            new String[] {"hrad", "castle"}, new String[] {"most", "bridge"}, new String[] {"řeka", "river"},
            new String[] {"hora", "mountain"}, new String[] {"les", "forest"}, new String[] {"zahrada", "garden"},
            new String[] {"kniha", "book"}, new String[] {"škola", "school"}, new String[] {"práce", "work"},
            new String[] {"kancelář", "office"}, new String[] {"počítač", "computer"}, new String[] {"telefon", "phone"},
            new String[] {"přítel", "friend"}, new String[] {"přítelkyně", "girlfriend"}, new String[] {"rodina", "family"},
            new String[] {"babička", "grandmother"}, new String[] {"dědeček", "grandfather"}, new String[] {"sestra", "sister"},
            new String[] {"bratr", "brother"}, new String[] {"pes", "dog"}, new String[] {"kočka", "cat"},
            new String[] {"počasí", "weather"}, new String[] {"déšť", "rain"}, new String[] {"sníh", "snow"},
            new String[] {"slunce", "sun"}, new String[] {"léto", "summer"}, new String[] {"zima", "winter"},
            new String[] {"jaro", "spring"}, new String[] {"podzim", "autumn"}, new String[] {"víkend", "weekend"},
            new String[] {"dovolená", "holiday"}, new String[] {"výlet", "trip"}, new String[] {"hospoda", "pub"},
            new String[] {"restaurace", "restaurant"}, new String[] {"obchod", "shop"}, new String[] {"trh", "market"},
            new String[] {"nemocnice", "hospital"}, new String[] {"lékárna", "pharmacy"}, new String[] {"doktor", "doctor"},
            new String[] {"byt", "flat"}, new String[] {"dům", "house"}, new String[] {"kuchyně", "kitchen"},
            new String[] {"ložnice", "bedroom"}, new String[] {"koupelna", "bathroom"}, new String[] {"okno", "window"},
            new String[] {"dveře", "door"}, new String[] {"stůl", "table"}, new String[] {"židle", "chair"},
            new String[] {"hudba", "music"}, new String[] {"film", "film"}, new String[] {"divadlo", "theatre"},
            new String[] {"koncert", "concert"}, new String[] {"fotbal", "football"}, new String[] {"hokej", "ice hockey"},
            new String[] {"kolo", "bicycle"}, new String[] {"auto", "car"}, new String[] {"silnice", "road"},
            new String[] {"ulice", "street"}, new String[] {"město", "town"}, new String[] {"vesnice", "village"},
            new String[] {"jablko", "apple"}, new String[] {"hruška", "pear"}, new String[] {"švestky", "plums"},
            new String[] {"jahody", "strawberries"}, new String[] {"koláč", "pie"}, new String[] {"buchty", "sweet buns"},
            new String[] {"trdelník", "chimney cake"}, new String[] {"řízek", "schnitzel"}, new String[] {"smažák", "fried cheese"},
            new String[] {"víno", "wine"}, new String[] {"voda", "water"}, new String[] {"mléko", "milk"},
            new String[] {"snídaně", "breakfast"}, new String[] {"oběd", "lunch"}, new String[] {"večeře", "dinner"},
            new String[] {"úkol", "task"}, new String[] {"zkouška", "exam"}, new String[] {"slovíčko", "word"},
            new String[] {"věta", "sentence"}, new String[] {"otázka", "question"}, new String[] {"odpověď", "answer"},
            new String[] {"čeština", "Czech language"}, new String[] {"učitelka", "teacher"}, new String[] {"třída", "classroom"},
            new String[] {"peníze", "money"}, new String[] {"účet", "bill"}, new String[] {"lístek", "ticket"},
            new String[] {"jízdenka", "travel ticket"}, new String[] {"mapa", "map"}, new String[] {"hotel", "hotel"},
            new String[] {"pokoj", "room"}, new String[] {"klíč", "key"}, new String[] {"taška", "bag"},
            new String[] {"dárek", "present"}, new String[] {"narozeniny", "birthday"}, new String[] {"Vánoce", "Christmas"},
            new String[] {"Velikonoce", "Easter"}, new String[] {"houby", "mushrooms"}, new String[] {"chata", "cottage"},
            new String[] {"rybník", "pond"}, new String[] {"kapr", "carp"}, new String[] {"cukroví", "Christmas cookies"});

    private static final List<String> VERBS_I = List.of(
            "mám rád", "mám ráda", "chci", "potřebuji", "hledám", "vidím", "kupuji", "miluji", "nemám rád", "dávám si");

    private static final List<String> USER_TEMPLATES = List.of(
            "Dobrý den, dnes %s %s.",
            "Včera jsem byl na výletě a viděl jsem %2$s.",
            "Myslím, že %2$s je v Praze moc drahé.",
            "Můžete mi vysvětlit, jak se řekne %2$s v minulém čase?",
            "Ráno %s %s a potom jdu do práce.",
            "O víkendu jsme s rodinou jedli %2$s a bylo to výborné.",
            "Nevím, jestli je správně říct „%2$s“ nebo něco jiného.",
            "Kde je nejbližší %2$s, prosím?",
            "Moje babička vaří nejlepší %2$s na světě.",
            "Je to pravda, že Češi mají rádi %2$s?",
            "Zítra %s %s, protože mám narozeniny.",
            "Dneska je hezké počasí, tak %s %s venku.");

    private static final List<String> ASSISTANT_TEMPLATES = List.of(
            "Výborně! Jen malá oprava: správně je „%s“. Zkusíte ještě jednu větu?",
            "Skvělá věta! Slovo „%s“ je v 4. pádě. Pokračujte.",
            "Téměř správně. Pozor na diakritiku u slova „%s“.",
            "Super, to je gramaticky správně. Víte, jak se řekne „%s“ v množném čísle?",
            "Dobře! Můžete použít také synonymum pro „%s“.");

    private CzechCorpus() {
    }

    static String userMessage(SplittableRandom r, String noun) {
        String t = USER_TEMPLATES.get(r.nextInt(USER_TEMPLATES.size()));
        return String.format(t, VERBS_I.get(r.nextInt(VERBS_I.size())), noun);
    }

    static String assistantMessage(SplittableRandom r, String noun) {
        return String.format(ASSISTANT_TEMPLATES.get(r.nextInt(ASSISTANT_TEMPLATES.size())), noun);
    }

    /** Drops diacritics from some letters, as learners typing on a non-Czech keyboard do. */
    static String withoutSomeDiacritics(SplittableRandom r, String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (r.nextInt(3) == 0) {
                b.append(switch (ch) {
                    case 'á' -> 'a'; case 'é' -> 'e'; case 'ě' -> 'e'; case 'í' -> 'i'; case 'ý' -> 'y';
                    case 'ó' -> 'o'; case 'ú', 'ů' -> 'u'; case 'č' -> 'c'; case 'ř' -> 'r'; case 'š' -> 's';
                    case 'ž' -> 'z'; case 'ď' -> 'd'; case 'ť' -> 't'; case 'ň' -> 'n';
                    default -> ch;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
