// Gazetteer of places: countries (with the other names news copy uses and their adjectives, which
// are NOT mentions), capitals and large cities, sub-national regions, seas and world regions.
// General knowledge only; nothing here is taken from the seed articles' entity lists.
// Line format: `Canonical|alias|alias;demonym|demonym` (the `;` part is optional).

export const COUNTRIES = `
Afghanistan;Afghan|Afghans
Albania;Albanian
Algeria;Algerian
Andorra;Andorran
Angola;Angolan
Antigua and Barbuda|Antigua;Antiguan
Argentina;Argentine|Argentinian
Armenia;Armenian
Australia;Australian|Aussie
Austria;Austrian
Azerbaijan;Azerbaijani|Azeri
Bahamas;Bahamian
Bahrain;Bahraini
Bangladesh;Bangladeshi
Barbados;Barbadian
Belarus;Belarusian
Belgium;Belgian
Belize;Belizean
Benin;Beninese
Bhutan;Bhutanese
Bolivia;Bolivian
Bosnia and Herzegovina|Bosnia;Bosnian
Botswana;Botswanan
Brazil;Brazilian
Brunei;Bruneian
Bulgaria;Bulgarian
Burkina Faso;Burkinabe
Burundi;Burundian
Cambodia;Cambodian
Cameroon;Cameroonian
Canada;Canadian
Cape Verde;Cape Verdean
Central African Republic
Chad;Chadian
Chile;Chilean
China|PRC|People's Republic of China|Mainland China;Chinese
Colombia;Colombian
Comoros
Congo|Democratic Republic of Congo|DR Congo|DRC;Congolese
Costa Rica;Costa Rican
Croatia;Croatian|Croat
Cuba;Cuban
Cyprus;Cypriot
Czech Republic|Czechia;Czech
Denmark;Danish|Dane
Djibouti
Dominican Republic;Dominican
East Timor|Timor-Leste
Ecuador;Ecuadorian
Egypt;Egyptian
El Salvador;Salvadoran
England;English
Equatorial Guinea
Eritrea;Eritrean
Estonia;Estonian
Eswatini|Swaziland
Ethiopia;Ethiopian
Fiji;Fijian
Finland;Finnish|Finn
France;French
Gabon;Gabonese
Gambia;Gambian
Georgia;Georgian
Germany;German
Ghana;Ghanaian
Greece;Greek
Grenada
Guatemala;Guatemalan
Guinea;Guinean
Guinea-Bissau
Guyana;Guyanese
Haiti;Haitian
Honduras;Honduran
Hungary;Hungarian
Iceland;Icelandic
India;Indian
Indonesia;Indonesian
Iran;Iranian
Iraq;Iraqi
Ireland|Irish Republic|Republic of Ireland;Irish
Israel;Israeli
Italy|Azzurri;Italian
Ivory Coast|Cote d'Ivoire;Ivorian
Jamaica;Jamaican
Japan;Japanese
Jordan;Jordanian
Kazakhstan;Kazakh
Kenya;Kenyan
Kiribati
Kosovo;Kosovan|Kosovar
Kuwait;Kuwaiti
Kyrgyzstan;Kyrgyz
Laos;Lao|Laotian
Latvia;Latvian
Lebanon;Lebanese
Lesotho
Liberia;Liberian
Libya;Libyan
Liechtenstein
Lithuania;Lithuanian
Luxembourg
Madagascar;Malagasy
Malawi;Malawian
Malaysia;Malaysian
Maldives;Maldivian
Mali;Malian
Malta;Maltese
Marshall Islands
Mauritania;Mauritanian
Mauritius;Mauritian
Mexico;Mexican
Micronesia
Moldova;Moldovan
Monaco
Mongolia;Mongolian
Montenegro;Montenegrin
Morocco;Moroccan
Mozambique;Mozambican
Myanmar|Burma;Burmese
Namibia;Namibian
Nauru
Nepal;Nepali|Nepalese
Netherlands|Holland;Dutch
New Zealand;New Zealander|Kiwi
Nicaragua;Nicaraguan
Niger;Nigerien
Nigeria;Nigerian
North Korea|DPRK;North Korean
North Macedonia|Macedonia;Macedonian
Northern Ireland
Norway;Norwegian
Oman;Omani
Pakistan;Pakistani
Palau
Palestine|Palestinian Territories;Palestinian
Panama;Panamanian
Papua New Guinea
Paraguay;Paraguayan
Peru;Peruvian
Philippines;Filipino|Philippine
Poland;Polish|Pole
Portugal;Portuguese
Qatar;Qatari
Romania;Romanian
Russia|Russian Federation;Russian
Rwanda;Rwandan
Saint Kitts and Nevis|St Kitts and Nevis|St Kitts
Saint Lucia|St Lucia
Samoa;Samoan
San Marino
Saudi Arabia;Saudi
Scotland;Scottish|Scot|Scots
Senegal;Senegalese
Serbia;Serbian|Serb
Seychelles
Sierra Leone;Sierra Leonean
Singapore;Singaporean
Slovakia;Slovak
Slovenia;Slovenian|Slovene
Solomon Islands
Somalia;Somali
South Africa;South African
South Korea|Republic of Korea|ROK;South Korean
South Sudan;South Sudanese
Spain;Spanish|Spaniard
Sri Lanka;Sri Lankan
Sudan;Sudanese
Suriname
Sweden;Swedish|Swede
Switzerland;Swiss
Syria;Syrian
Taiwan|Republic of China;Taiwanese
Tajikistan;Tajik
Tanzania;Tanzanian
Thailand;Thai
Togo;Togolese
Tonga
Trinidad and Tobago|Trinidad;Trinidadian
Tunisia;Tunisian
Turkey|Turkiye;Turkish|Turk
Turkmenistan;Turkmen
Tuvalu
Uganda;Ugandan
Ukraine;Ukrainian
United Arab Emirates|UAE;Emirati
United Kingdom|UK|U.K.|Britain|Great Britain|GB;British|Briton|Brit
United States|US|U.S.|USA|U.S.A.|America|United States of America;American|US-based
Uruguay;Uruguayan
Uzbekistan;Uzbek
Vanuatu
Vatican|Holy See
Venezuela;Venezuelan
Vietnam|Viet Nam;Vietnamese
Wales;Welsh
Yemen;Yemeni
Zambia;Zambian
Zimbabwe;Zimbabwean
Korea;Korean
Soviet Union|USSR;Soviet
French Guiana
French Polynesia
New Caledonia
Puerto Rico
Greenland
Faroe Islands
Gibraltar
Bermuda
Cayman Islands
British Virgin Islands
Falkland Islands|Falklands
Western Sahara
`;

/** Regional adjectives: like demonyms, not mentions. */
export const REGIONAL_ADJECTIVES = `Asian|East Asian|South Asian|Southeast Asian|South-East Asian|Central Asian|European|Eastern European|Western European|African|West African|East African|North African|Southern African|Arab|Middle Eastern|Latin American|South American|North American|Central American|Caribbean|Western|Eastern|Northern|Southern|Nordic|Scandinavian|Baltic|Balkan|Pacific|Atlantic|Mediterranean|Arctic|Gulf|Kurdish|Jewish|Muslim|Catholic|Islamic|Buddhist|Hindu|Sunni|Shia|Shiite|Persian|Hispanic|Latino|Anglo|Celtic|Slavic|Soviet|Communist|Nationalist|Republican|Democratic|Democrat|Conservative|Liberal|Labour|Tory|Olympic|Commonwealth`;


/** Cities, sub-national regions, islands, world regions: a line lists places, `Name=alias|alias` gives one place's other names. */
export const PLACES = `
Washington=Washington DC|Washington D.C.|DC|D.C.
Beijing=Peking
Kyiv=Kiev
Tokyo|Beijing|Moscow|London|Paris|Berlin|Rome|Madrid|Lisbon|Dublin|Brussels|Amsterdam|The Hague|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Athens|Ankara|Istanbul|Kyiv|Kiev|Minsk|Riga|Vilnius|Tallinn|Helsinki|Stockholm|Oslo|Copenhagen|Reykjavik|Bern|Geneva|Zurich|Luxembourg City|Belgrade|Zagreb|Sarajevo|Ljubljana|Tirana|Skopje|Chisinau|Tbilisi|Yerevan|Baku
Seoul|Pyongyang|Taipei|Manila|Hanoi|Ho Chi Minh City|Saigon|Bangkok|Jakarta|Kuala Lumpur|Phnom Penh|Vientiane|Yangon|Rangoon|Naypyidaw|Dhaka|Kathmandu|New Delhi|Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Bengaluru|Hyderabad|Karachi|Lahore|Islamabad|Kabul|Tehran|Baghdad|Damascus|Beirut|Amman|Jerusalem|Tel Aviv|Riyadh|Jeddah|Mecca|Doha|Dubai|Abu Dhabi|Muscat|Kuwait City|Sanaa|Aden|Cairo|Alexandria|Tripoli|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|Mogadishu|Kampala|Kigali|Dar es Salaam|Lagos|Abuja|Accra|Dakar|Kinshasa|Luanda|Harare|Lusaka|Johannesburg|Cape Town|Pretoria|Durban
Shanghai|Guangzhou|Shenzhen|Chongqing|Tianjin|Wuhan|Chengdu|Nanjing|Hangzhou|Xiamen|Harbin|Osaka|Kyoto|Yokohama|Nagoya|Kobe|Sapporo|Fukuoka|Hiroshima|Nagasaki|Busan|Incheon|Kaohsiung|Singapore City|Hong Kong|Macau|Macao
Sydney|Melbourne|Canberra|Brisbane|Perth|Adelaide|Auckland|Wellington
Ottawa|Toronto|Montreal|Vancouver|Calgary|Mexico City|Havana|Bogota|Caracas|Lima|Quito|Santiago|Buenos Aires|Montevideo|Brasilia|Rio de Janeiro|Sao Paulo
New York|New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|Jacksonville|San Francisco|Seattle|Denver|Boston|Detroit|Nashville|Memphis|Portland|Las Vegas|Baltimore|Milwaukee|Atlanta|Miami|Orlando|Tampa|New Orleans|Cleveland|Pittsburgh|Cincinnati|Minneapolis|St Louis|Kansas City|Honolulu|Anchorage|Sacramento|Salt Lake City
Twickenham|Murrayfield|Anfield|Old Trafford|Stamford Bridge|Highbury|Millennium Stadium|Croke Park|Lansdowne Road|Stade de France|Hampden Park|Ibrox|Villa Park|Goodison Park|Elland Road|Camp Nou|San Siro|Headingley|Edgbaston|Silverstone
Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|Sheffield|Newcastle|Nottingham|Leicester|Southampton|Oxford|Cambridge|Brighton|Norwich|Coventry|Aberdeen|Dundee|Swansea|Wembley|Westminster|Whitehall|Cork|Limerick|Galway|Waterford|Kilkenny|Derry
Milan|Naples|Turin|Florence|Venice|Barcelona|Valencia|Seville|Bilbao|Porto|Marseille|Lyon|Nice|Toulouse|Bordeaux|Strasbourg|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Dusseldorf|Dresden|Leipzig|Rotterdam|Antwerp|Gdansk|Krakow|St Petersburg|Saint Petersburg|Vladivostok|Odesa|Odessa|Kharkiv|Mariupol|Sevastopol|Davos
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Guam|Puerto Rico
New South Wales|Queensland|Tasmania|Western Australia|South Australia|Northern Territory|Ontario|Quebec|British Columbia|Alberta|Bavaria|Catalonia|Andalusia|Basque Country|Lombardy|Sicily|Sardinia|Corsica|Normandy|Brittany|Provence|Flanders|Wallonia|Yorkshire|Lancashire|Kent|Essex|Cornwall|Devon|Merseyside|Ulster
Xinjiang|Tibet|Guangdong|Fujian|Sichuan|Yunnan|Hainan|Inner Mongolia|Okinawa|Hokkaido|Kyushu|Honshu|Shikoku|Fukushima|Kashmir|Punjab|Kerala|Bengal|Crimea|Donbas|Donetsk|Luhansk|Kherson|Zaporizhzhia|Chechnya|Siberia|Kurdistan|Darfur|Tigray|Sahel|Sinai|Golan Heights|West Bank|Gaza|Gaza Strip|Mindanao|Luzon|Java|Sumatra|Bali|Borneo|Tasmania|Greenland|Hong Kong Island
Hollywood
Hertfordshire|Bedfordshire|Buckinghamshire|Berkshire|Oxfordshire|Gloucestershire|Wiltshire|Hampshire|Warwickshire|Worcestershire|Staffordshire|Shropshire|Cheshire|Derbyshire|Nottinghamshire|Leicestershire|Lincolnshire|Northamptonshire|Cambridgeshire|Lancashire|Yorkshire|North Yorkshire|West Yorkshire|South Yorkshire|Herefordshire|Kent|Surrey|Essex|Sussex|East Sussex|West Sussex|Cornwall|Devon|Dorset|Somerset|Norfolk|Suffolk|Cumbria|Merseyside|Northumberland|Lanarkshire|Aberdeenshire|Fife|Pembrokeshire|Carmarthenshire
Europe|Asia|Africa|North America|South America|Latin America|Central America|Oceania|Antarctica|Arctic|Antarctic|Eurasia|Middle East|Near East|Far East|East Asia|South Asia|Southeast Asia|South-East Asia|South East Asia|Central Asia|West Africa|East Africa|North Africa|Southern Africa|Horn of Africa|Balkans|Baltics|Caucasus|Scandinavia|Caribbean|Indo-Pacific|Asia-Pacific|Asia Pacific|Pacific|Atlantic|Mediterranean|Persian Gulf|Gulf|Eastern Europe|Western Europe|Central Europe|Silicon Valley|Wall Street|Korean Peninsula
South China Sea|East China Sea|Yellow Sea|Sea of Japan|Black Sea|Red Sea|Baltic Sea|North Sea|Caspian Sea|Arabian Sea|Dead Sea|Coral Sea|Philippine Sea|Mediterranean Sea|Taiwan Strait|Strait of Hormuz|Bosphorus|English Channel|Suez Canal|Panama Canal|Pacific Ocean|Atlantic Ocean|Indian Ocean|Arctic Ocean|Gulf of Mexico|Gulf of Aden|Bay of Bengal|Himalayas|Alps|Andes|Nile|Danube|Rhine|Thames|Yangtze|Mekong|Mississippi River
`;

/** Head words that make a capitalised phrase a place: `Yokota Air Base`, `Sibuyan Sea`. */
export const PLACE_HEADS = `Sea Seas Ocean Strait Straits Gulf Bay Channel Canal River Lake Lakes Mountains Mountain Mount Mt Hills Valley Peninsula Island Islands Isles Isle Archipelago Desert Coast Base Airbase Airport Province Prefecture County Region District City Town Village Square Street Avenue Road Bridge Park Stadium Arena Palace Castle Cathedral Abbey Grove Lane Gardens Crescent Terrace Harbour Harbor Port Heights Plain Plateau Delta Falls Reef Atoll Guesthouse House Hall Racecourse Circuit Velodrome Speedway Tower Camp`;
/** Place heads that start a phrase: `Gulf of Aden`, `Sea of Japan`, `Mount Fuji`. */
export const PLACE_LEADS = `Gulf Sea Bay Strait Straits Isle Lake Mount Mt Cape Port Fort Republic Kingdom Principality Province Prefecture`;
