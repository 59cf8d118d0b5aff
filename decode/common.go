package decode

// common holds the characters that make up most of running Chinese news
// text, in both scripts. Text decoded with the wrong legacy encoding is
// made of valid but unrelated characters, few of them common; text decoded
// with the right one is mostly common characters.
const common = "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采採转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗鬥完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連断斷深难難近千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往历歷市克何除消构構府称稱太准準精值号號率族维維划劃选選标標写寫存候毛亲親快效斯院查江型眼王按格养養易置派层層片始却卻专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴龙龍飞飛港台臺湾灣澳记者網网网络絡讯訊据表示今年月日时間市场場经济濟企业業服务務健康疫情防控病毒医醫院学校教育学生"

// commonSet marks the characters of common.
var commonSet = func() map[rune]bool {
	m := make(map[rune]bool, 1024)
	for _, r := range common {
		m[r] = true
	}
	return m
}()
