/*
 * Shangliang's Tasklist configuration (served instead of the one in Camunda's webjar): Chinese for every browser
 * (locales/zh.json), dates as yyyy-MM-dd HH:mm.
 */
export default {
  app: {
    name: '商量 · 待办', // the product's name where the login page shows the app's
    vendor: '有事好商量'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm'
  },
  // Chinese whatever the browser's language: staff with an English browser read the same words as the manual
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到筛选器列表的第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
