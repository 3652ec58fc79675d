// Person lexicon: honorifics, titles (a title before a name is a role, never part of the name),
// given names from many languages (evidence that a capitalised pair is a person), nicknames.

/** Honorifics: outside the mention's span, never a role. With or without the dot. */
export const HONORIFICS = `Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Baroness Baron Sheikh Sheikha Rev Fr Sr Mme Mlle Herr Frau Madame Monsieur Messrs`;

/** Words that head a title or job before a name (capitalised or not). */
export const TITLE_HEADS = `President Administrator Vice-President Premier Chancellor Minister Ministers Secretary Secretary-General Under-Secretary Governor Senator Sen Representative Rep Congressman Congresswoman Mayor Ambassador Envoy Commissioner Chairman Chairwoman Chair Chairperson Director Director-General Spokesman Spokeswoman Spokesperson Leader Chief King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop Bishop Imam Rabbi Judge Justice Magistrate Prosecutor Attorney Lawyer Sheriff Officer Commander General Gen Admiral Adm Colonel Col Lieutenant Lt Major Maj Captain Capt Sergeant Sgt Corporal Cpl Private Marshal Brigadier Commodore Coach Manager Boss Captain Striker Midfielder Defender Goalkeeper Keeper Forward Winger Champion Chief Executive CEO Founder Co-founder Owner President-elect Treasurer Deputy Analyst Economist Professor Lecturer Researcher Scientist Editor Correspondent Reporter Columnist Author Writer Director Producer Actor Actress Singer Star Chef Counterpart Head Dean Provost Rector Principal Superintendent Inspector Detective Constable Comptroller Administrator Regent Ruler Monarch Dictator Strongman PM MP MEP Lawmaker Legislator Councillor Councilor Alderman Speaker Whip Steward Clerk`;

/** Words that modify a title: `Foreign Minister`, `Prime Minister`, `Defence Secretary`. */
export const TITLE_MODIFIERS = `Prime Foreign Defence Defense Home Interior Finance Treasury Trade Commerce Health Justice Education Energy Environment Transport Transportation Culture Sports Economy Economic Labour Labor Agriculture Industry Science Technology Communications Immigration Housing Security National Homeland Veterans Deputy Vice Chief Senior Junior Assistant Associate Executive Managing Acting Interim Former Ex Shadow First Second Grand Supreme High Lord Prime-Minister Attorney General Surgeon Solicitor Crown Opposition Party Majority Minority Foreign-Affairs Affairs Development Intelligence Military Naval Army Air District Federal State Regional Provincial Local Team Club Head Vice-Chairman Nuclear Digital Brexit Cabinet International Public Relations Global`;

/** Lower-case role words that can stand right before a name: `PLA spokesman Zhang Xiaogang`. */
export const LOWER_ROLE_HEADS = `spokesman spokeswoman spokesperson leader chief president minister secretary chairman chairwoman director professor coach manager boss captain striker midfielder defender goalkeeper keeper forward winger champion executive founder analyst economist researcher scientist editor correspondent reporter columnist author writer commissioner governor envoy ambassador official officer commander general admiral judge lawyer prosecutor mayor senator lawmaker legislator candidate rival counterpart head dean principal inspector detective striker star player veteran midfielder medallist medalist singer actor actress designer producer chef adviser advisor strategist consultant`;

/** Given names, many languages. Evidence only: an unknown capitalised pair is already read as a name. */
export const GIVEN_NAMES = `
Aaron Abdul Abdullah Abe Abigail Abraham Adam Adrian Ahmad Ahmed Aidan Aisha Akira Alan Albert Alberto Alejandro Alex Alexander Alexandra Alexei Alexey Alfred Ali Alice Alicia Alison Amanda Amber Amit Amy Ana Anand Anders Andrea Andreas Andrei Andres Andrew Andy Angel Angela Angelina Angus Anil Anita Ann Anna Anne Annie Anthony Antonio Antony Anwar Ari Arjun Arnold Arthur Ashley Ashok Audrey Ayumi Barack Barbara Barry Beatrice Ben Benjamin Bernard Bernie Beth Betty Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brendan Brett Brian Bruce Bruno Bryan Camilla Carl Carla Carlos Carmen Carol Caroline Carolyn Catherine Cecilia Charles Charlie Charlotte Chen Cheryl Chloe Chris Christian Christina Christine Christopher Chuck Claire Clara Claude Claudia Clive Colin Connor Craig Cristina Cynthia Dai Daisuke Dale Damian Dan Daniel Daniela Danny Dario Darren Dave David Dean Deborah Denis Dennis Derek Diana Diane Diego Dmitry Dmitri Dominic Don Donald Donna Doris Doug Douglas Duncan Dylan Ed Eddie Edgar Edith Edward Eileen Elena Eli Elizabeth Ella Ellen Elon Emily Emma Emmanuel Eric Erik Erin Ernest Ethan Eugene Eva Evan Fatima Felix Fernando Fiona Frances Francesca Francis Francisco Francois Frank Franz Fred Frederick Gabriel Gareth Gary Gavin Gemma Geoff Geoffrey George Georgia Gerald Gerard Gerhard Gina Giorgia Giovanni Giuseppe Glen Glenn Gordon Grace Graham Greg Gregory Guy Hamid Hannah Hans Harold Harriet Harry Hasan Hassan Heather Hector Heinz Helen Helmut Henry Herbert Hideki Hillary Hiroshi Howard Hugh Hugo Hussein Ian Igor Ibrahim Ingrid Irene Isaac Isabel Isabella Ivan Jack Jackie Jacob Jacqueline Jake James Jamie Jan Jane Janet Janice Jason Javier Jay Jean Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry Jess Jessica Jill Jim Jimmy Jin Joan Joanna Joe Joel Johan Johann John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh Joshua Joy Juan Judith Judy Julia Julian Julie Jun Justin Kamala Karen Karim Karl Kate Katherine Kathleen Kathryn Katie Kay Keiko Keir Keith Kelly Ken Kenji Kenneth Kevin Kim Kimberly Kirsty Klaus Kofi Kumar Kurt Kyle Lara Larry Laura Lauren Lee Leo Leon Leonard Leslie Li Liam Lily Linda Lisa Liz Lloyd Lorenzo Louis Louise Lucas Lucy Luis Luke Lynn Mahmoud Malcolm Manuel Marc Marco Marcus Margaret Maria Marie Marina Mario Mark Marta Martha Martin Mary Matt Matteo Matthew Maurice Max Maxim Megan Mehmet Melanie Melissa Michael Michel Michelle Miguel Mike Mikhail Min Ming Mohamed Mohammad Mohammed Muhammad Monica Nadia Nancy Naomi Narendra Natalie Natasha Nathan Neil Nelson Nicholas Nick Nicola Nicolas Nicole Nigel Nikolai Nina Noah Noel Norman Oleg Olga Oliver Olivia Omar Oscar Owen Pablo Pamela Paolo Pat Patricia Patrick Paul Paula Pedro Peggy Penny Pete Peter Philip Phillip Pierre Priya Rachel Rafael Raj Rajesh Ralph Ramon Randy Raul Ravi Ray Raymond Rebecca Richard Rick Rishi Rita Rob Robert Roberto Robin Rod Roger Roland Ron Ronald Rosa Rose Ross Roy Ruby Rudy Rupert Russell Ruth Ryan Sadiq Sally Sam Samantha Samir Samuel Sandra Sanjay Sara Sarah Satoshi Scott Sean Sebastian Serena Sergei Sergey Seth Shane Shannon Sharon Shaun Sheila Shinzo Shirley Simon Simone Sofia Sophie Stanley Stefan Stephanie Stephen Steve Steven Stuart Sue Sunil Susan Suzanne Takeshi Tamara Tanya Taro Ted Teresa Terry Theresa Thomas Tim Timothy Tina Toby Todd Tom Tommy Tony Tracy Trevor Tyler Valerie Vanessa Venus Victor Victoria Vijay Vincent Viktor Virginia Vivian Vladimir Walter Wang Wayne Wendy Wei Will William Xavier Xi Yasmin Yoko Yoshihide Yuki Yuri Yusuf Zach Zoe
Olaf Ursula Volodymyr Recep Jair Luiz Mette Sanna Jacinda Joko Imran Nawaz Yair Bashar Xi Jinping Narendra Rishi Keir Emmanuel
Grant Eddie
`;

/** Particles inside names: `Ursula von der Leyen`, `Charles de Gaulle`, `Mohammed bin Salman`. */
export const NAME_PARTICLES = `de da di del della van von der den ter bin binti bint ibn al el la le du dos das`;

/** Suffixes that belong to a name. */
export const NAME_SUFFIXES = `Jr Jr. Sr Sr. II III IV`;

/** Nicknames and spelling variants of given names: each line is one name's forms. */
export const GIVEN_NAME_VARIANTS = `
Anthony|Antony|Tony
Mohamed|Mohammed|Muhammad|Mohammad|Mo
William|Bill|Billy|Will|Liam
Robert|Bob|Bobby|Rob|Robbie|Bert
Richard|Rick|Dick|Rich|Richie
James|Jim|Jimmy|Jamie
Michael|Mike|Mick|Mickey
Joseph|Joe|Joey
Thomas|Tom|Tommy
Christopher|Chris
Nicholas|Nick|Nicolas
Alexander|Alex|Sasha
Elizabeth|Liz|Beth|Betty|Lizzie
Katherine|Catherine|Kate|Kathy|Cathy|Katie
Margaret|Maggie|Meg|Peggy
Stephen|Steven|Steve
Jonathan|Jon
Daniel|Dan|Danny
Edward|Ed|Eddie|Ted
Andrew|Andy|Drew
Matthew|Matt
Benjamin|Ben|Benny|Bibi
Samuel|Sam
Charles|Charlie|Chuck
Vladimir|Volodymyr
Sergei|Sergey
Dmitry|Dmitri
Alexei|Alexey
Oliver|Ollie
Jennifer|Jenny|Jen
Susan|Sue|Suzy
Patricia|Pat|Patty
Timothy|Tim
Gregory|Greg
Jeffrey|Geoffrey|Jeff|Geoff
Frederick|Fred|Freddie
Philip|Phillip|Phil
Zachary|Zach|Zack
Kenneth|Ken|Kenny
Ronald|Ron|Ronnie
Donald|Don|Donnie
Gerald|Gerry|Jerry
Lawrence|Larry
`;

/** Common East Asian family names, which come first: `Zhang Xiaogang`, `Kim Jong Un`. */
export const EAST_ASIAN_SURNAMES = `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Xi Mao Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Jeon Hong Yoo Ko Moon Son Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly Lai Tsai`;
