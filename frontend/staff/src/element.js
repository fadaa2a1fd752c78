// Element Plus on demand: each component with its own stylesheet instead of the whole library.
import {
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElConfigProvider, ElContainer, ElDatePicker,
  ElDescriptions, ElDescriptionsItem, ElDialog, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm,
  ElFormItem, ElHeader, ElImage, ElInput, ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElProgress, ElRadio, ElRadioButton, ElRadioGroup, ElResult, ElRow, ElSelect, ElSkeleton, ElStatistic, ElSwitch,
  ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTooltip, ElUpload,
  ElImageViewer, ElLoading
} from 'element-plus'
import 'element-plus/es/components/alert/style/css'
import 'element-plus/es/components/aside/style/css'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/card/style/css'
import 'element-plus/es/components/checkbox/style/css'
import 'element-plus/es/components/checkbox-group/style/css'
import 'element-plus/es/components/col/style/css'
import 'element-plus/es/components/config-provider/style/css'
import 'element-plus/es/components/container/style/css'
import 'element-plus/es/components/date-picker/style/css'
import 'element-plus/es/components/descriptions/style/css'
import 'element-plus/es/components/descriptions-item/style/css'
import 'element-plus/es/components/dialog/style/css'
import 'element-plus/es/components/dropdown/style/css'
import 'element-plus/es/components/dropdown-item/style/css'
import 'element-plus/es/components/dropdown-menu/style/css'
import 'element-plus/es/components/empty/style/css'
import 'element-plus/es/components/form/style/css'
import 'element-plus/es/components/form-item/style/css'
import 'element-plus/es/components/header/style/css'
import 'element-plus/es/components/image/style/css'
import 'element-plus/es/components/image-viewer/style/css'
import 'element-plus/es/components/input/style/css'
import 'element-plus/es/components/input-number/style/css'
import 'element-plus/es/components/main/style/css'
import 'element-plus/es/components/menu/style/css'
import 'element-plus/es/components/menu-item/style/css'
import 'element-plus/es/components/option/style/css'
import 'element-plus/es/components/pagination/style/css'
import 'element-plus/es/components/progress/style/css'
import 'element-plus/es/components/radio/style/css'
import 'element-plus/es/components/radio-button/style/css'
import 'element-plus/es/components/radio-group/style/css'
import 'element-plus/es/components/result/style/css'
import 'element-plus/es/components/row/style/css'
import 'element-plus/es/components/select/style/css'
import 'element-plus/es/components/skeleton/style/css'
import 'element-plus/es/components/statistic/style/css'
import 'element-plus/es/components/switch/style/css'
import 'element-plus/es/components/tab-pane/style/css'
import 'element-plus/es/components/table/style/css'
import 'element-plus/es/components/table-column/style/css'
import 'element-plus/es/components/tabs/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/es/components/timeline/style/css'
import 'element-plus/es/components/timeline-item/style/css'
import 'element-plus/es/components/tooltip/style/css'
import 'element-plus/es/components/upload/style/css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/loading/style/css'

const components = [
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCol, ElConfigProvider, ElContainer, ElDatePicker,
  ElDescriptions, ElDescriptionsItem, ElDialog, ElDropdown, ElDropdownItem, ElDropdownMenu, ElEmpty, ElForm,
  ElFormItem, ElHeader, ElImage, ElInput, ElInputNumber, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination,
  ElProgress, ElRadio, ElRadioButton, ElRadioGroup, ElResult, ElRow, ElSelect, ElSkeleton, ElStatistic, ElSwitch,
  ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElTooltip, ElUpload, ElImageViewer
]

// Element Plus's child components (ElRadioGroup, ElTableColumn, ...) have a no-op install(): they
// are registered only by their parent's. Registering each by name as well means a component listed
// here is always resolvable, whichever parent the console happens to use.
export function installElementPlus (app) {
  components.forEach(c => {
    app.use(c)
    if (c.name && !app.component(c.name)) app.component(c.name, c)
  })
  app.use(ElLoading)
}
