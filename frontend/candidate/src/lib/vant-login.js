// The Vant parts the login route needs, each with only its own styles (keeps the first load small).
import 'vant/es/field/style/index.mjs'
import 'vant/es/cell-group/style/index.mjs'
import 'vant/es/checkbox/style/index.mjs'
import 'vant/es/button/style/index.mjs'
import 'vant/es/dialog/style/index.mjs'
import 'vant/es/toast/style/index.mjs'
export { Field, CellGroup, Checkbox, Button, showDialog, showToast } from 'vant'
