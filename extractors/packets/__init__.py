r"""Reading side of the packet check: files → pages → classified documents → claims.

`read_packet(path)` takes a packet folder or one envelope PDF and returns a `models.Packet`:
every document found (kind, source file, page range, copies), the claims read from it, and
the seals seen on it. One unreadable file never stops a packet: it lands in
`Packet.unreadable` as "<file>: <reason>".

Claim fields (`Claim.field`, stable names; dates are ISO "YYYY-MM-DD"; absent → no claim,
except where a bool says "looked and found none"):

application_form (申报表 / 推荐表, organisation or individual)
  applicant_name        str   申报单位名称 / 单位名称 / 姓名
  applicant_kind        str   "organization" | "individual"
  uscc                  str   统一社会信用代码 as written (validity is a check's job)
  id_number             str   居民身份证号码 as written (individuals)
  award_category        str   申报类别 / 参评类别 (制造业…, 教育机构, 中小企业, 一线班组, 一线工作人员 …)
  org_type              str   单位性质 / 组织类型 / 学校类型 (e.g. "普通高等学校", "初级中学")
  industry              str   所属行业 / 行业类别 (as written; not the award category)
  founding_date         str   成立时间 / 注册时间 / 成立日期
  registered_address    str   注册地址 / 住所 / 通讯地址
  region                str   province+city+county prefix of the address ("西藏自治区拉萨市城关区")
  legal_representative  str   法定代表人 / 主要负责人
  work_unit             str   工作单位 (individuals)
  birth_date            str   出生年月 / 出生日期 (individuals; as written on the form)
  contact_name          str   联系人
  contact_phone         str   联系电话 / 手机
  contact_email         str   电子邮箱
  incident_statement    str   text of the 近N年无重大质量、安全…事故 / 违法违规 declaration
  incident_declared     bool  True when that statement admits an incident or violation
  incident_years        list[str]  years ("2021") named in an admitted incident
  previous_awards       list[str]  "YYYY 奖项名称" per award listed under 曾获奖励 / 获奖情况
  channel               str   申报渠道 (the body the form is submitted through)
  recommender           str   推荐单位
  signature_present     bool  a name is written in the 负责人签字 / 本人签字 cell
  seal_present          bool  a red seal impression sits on this document (not a typed （盖章）)
  form_date             str   申报日期 / 填表日期 (the date at the signature block)

publicity_proof (公示情况说明 / 公示证明)
  publisher             str   who published (the sealing unit, 公示单位)
  subject_name          str   whose application was publicised
  publicity_start       str   first day of the 公示
  publicity_end         str   last day of the 公示
  objections            bool  True when objections were received (无异议 → False)
  doc_date              str   date of the proof
  seal_present          bool

recommendation (推荐意见 / 审核意见 / 推荐函 / 推荐名单汇总表)
  recommender           str   the recommending body
  subject_name          str   applicant the opinion is about (when it names one)
  opinion               str   the opinion text (同意推荐…)
  recommends            bool  True for a positive opinion
  recommended_applicants list[str]  names in the 推荐名单汇总表, in order
  doc_date              str
  seal_present          bool

evidence (证实性材料)
  evidence_kind         str   营业执照 | 资质证书 | 获奖证书 | 认证证书 | 身份证明 | 财务报表 | 其他
  holder                str   the name on the certificate
  certificate_number    str   证书编号 / 统一社会信用代码 shown on it
  issue_date            str   发证日期 / 颁发日期 / 成立日期
  expiry_date           str   有效期至
  fingerprint           list[str]  one content hash per page, in page order: "img:<16 hex>" (64-bit
                              dHash of the page picture) for pages with little text (photos),
                              "txt:<20 hex>" (hash of the normalized text) otherwise

self_assessment (自我评价报告)
  present               bool  always True on this kind
  length_chars          int   characters of body text
  criteria_covered      list[str]  GB/T 19580-style items it discusses (领导, 战略, 顾客与市场,
                              资源, 过程管理, 测量分析与改进, 结果)
  subject_name          str

cover_letter (申报函 / 目录)
  toc_entries           list[str]  lines of the 目录
  copies_stated         int   一式N份 as stated

Any kind may also carry
  text_layer_mismatch   list[str]  text-layer lines the page picture does not show (checked on
                              PDF pages with a text layer and a page-sized picture, through
                              the project OCR; absent when none differ or no OCR is installed)

`PacketDocument.text` holds the document's normalized text, rows joined by "\n", cells by
"\t", pages by "\f" (for credential and other text checks); `PacketDocument.origin` says how
it was read (docx, text_layer, ocr, mixed); `PacketDocument.title` is the heading that named
its kind. `Packet.unreadable` also lists OCR pages read with mean confidence under 0.5
("<file>: page N: ocr_unsure: …"); their words are still used.

Modules: rows (page lines → table rows), classify (page kind, document starts), reader
(splitting, copies, orchestration), claims/* (one reader per kind), seals, images (page
pictures, fingerprints), text_layer, identifiers.
"""
from extractors.packets.identifiers import (id_number_valid, make_id_number, make_uscc,
                                            uscc_valid)
from extractors.packets.reader import PACKET_VERSION, read_packet

__all__ = ["PACKET_VERSION", "id_number_valid", "make_id_number", "make_uscc",
           "read_packet", "uscc_valid"]
