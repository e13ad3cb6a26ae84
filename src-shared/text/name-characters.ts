/**
 * Characters that people at a court counter write most: surnames, given names, and the words
 * of Chinese addresses (with the places around the courts of the seed profiles). Hand-made, in
 * rough order of how often each occurs in names and addresses. The pinyin keyboard offers them
 * first; the handwriting bench measures recognition on them.
 */

/** The commonest surnames, commonest first (public census rankings). */
export const SURNAME_CHARS =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** Common characters of given names. */
export const GIVEN_NAME_CHARS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰霞平刚桂萍红建文辉力永健世广志义兴良海山仁波宁贵福生元全国胜学祥才发新利清飞彬富顺信子昌成康星光天达安岩中茂进有坚和博诚先敬振壮会思群豪心邦承乐功松善厚庆民友裕哲浩亮政宏鹏泽晨辰家树德时泰盛雄钧冠腾航慧巧美淑惠珠翠雅芝娥玲芬燕彩春菊凤洁梅琳素云莲真雪荣爱香月艳瑞佳嘉琼珍莉晶妍秋婷颖露瑶怡丹蓉君琴欣宇轩涵子梓睿浩然一诗雨思萱晓鑫磊凯帅斌亚楠';

/** Characters found in names and becoming common, outside GB 2312's 6,763 (issue 12). */
export const RARE_NAME_CHARS = '喆堃玥珺昇彧祎垚晞赟';

/** Address words and place names (the seed courts are in Henan and Hubei). */
export const ADDRESS_CHARS =
  '省市县区镇乡村街路号楼室单元栋组社道巷里屯庄营集店寨湾沟河南北东西中新大小上下前后焦作山阳武陟修温博爱沁州济源郑洛开封商丘安鹤壁濮昌漯周口驻马信门峡平顶监利荆湖广深圳京津重庆苏浙杭福厦江青岛石家太原内蒙古辽沈长春哈尔滨黑龙吉合肥汉沙桂昆拉萨陕甘肃宁夏疆藏云豫鄂湘皖赣粤闽川贵滇黔晋冀鲁';

/** All of them once each, in the order above. */
export const NAME_ADDRESS_CHARS: string = [...new Set([...SURNAME_CHARS, ...GIVEN_NAME_CHARS, ...ADDRESS_CHARS, ...RARE_NAME_CHARS])].join('');
